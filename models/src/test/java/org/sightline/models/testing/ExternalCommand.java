package org.sightline.models.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command for a test fixture (npm, node, tar) and fails the test loudly, with its output, when it fails. */
public final class ExternalCommand {
    private ExternalCommand() {
    }

    /** Runs {@code command} in {@code dir}; returns its output. Gives up after {@code minutes} (a hang, not a timing check). */
    public static String run(Path dir, long minutes, List<String> command) {
        try {
            Path log = Files.createTempFile("sightline-command", ".log");
            try {
                Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    return fail(String.join(" ", command) + " did not finish within " + minutes + " minutes");
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    return fail(String.join(" ", command) + " failed (exit " + p.exitValue() + ") in " + dir + ":\n" + output);
                }
                return output;
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return fail("cannot run " + command.getFirst() + " (" + e.getMessage() + "); these tests need "
                    + command.getFirst() + " on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + String.join(" ", command));
        }
    }

    /** Where test fixtures fetched from package registries are cached between runs (outside the repository). */
    public static Path cacheDir() {
        String configured = System.getProperty("sightline.testCache");
        Path dir = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "sightline-tests");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            return fail("cannot create the test cache folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
