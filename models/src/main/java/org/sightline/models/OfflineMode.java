package org.sightline.models;

/**
 * Sightline never uses the network. DJL reports usage and probes cloud metadata endpoints unless it is told
 * it is offline before its classes load, so every entry point that may touch DJL calls {@link #enforce()}
 * first. The launcher also passes {@code -Dai.djl.offline=true}; this is the belt to that pair of braces.
 */
public final class OfflineMode {
    static {
        enforce();
    }

    private OfflineMode() {
    }

    public static void enforce() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.default_engine", "OnnxRuntime");
        // DJL's usage tracking is a separate switch in some versions.
        System.setProperty("OPT_OUT_TRACKING", "true");
    }
}
