package org.sightline.models.testing;

import ai.onnxruntime.OrtEnvironment;
import org.sightline.models.runtime.OnnxRuntimeStartup;

/**
 * The ONNX Runtime environment for tests that run sessions directly: DJL's engine creates the process-wide
 * environment with its own thread pool and fails when a plain one exists already, so DJL is started first and
 * its environment reused.
 */
public final class SharedOrtEnvironment {
    private SharedOrtEnvironment() {
    }

    public static OrtEnvironment get() {
        OnnxRuntimeStartup.ensureStarted();
        return OrtEnvironment.getEnvironment();
    }
}
