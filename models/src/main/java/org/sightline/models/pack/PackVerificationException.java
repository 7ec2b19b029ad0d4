package org.sightline.models.pack;

import java.nio.file.Path;

/**
 * A model pack failed a check: a file is missing, has the wrong size or SHA-256, is not an ONNX model, has the
 * wrong inputs or outputs, or the tokenizer will not load. The message names the file and the problem.
 * A pack that throws this is never used.
 */
public class PackVerificationException extends RuntimeException {
    private final transient Path file;
    private final String problem;

    public PackVerificationException(Path file, String problem) {
        this(file, problem, null);
    }

    public PackVerificationException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file that failed (or the pack folder, for problems of the pack as a whole). */
    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
