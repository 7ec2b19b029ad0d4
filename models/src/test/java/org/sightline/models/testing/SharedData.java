package org.sightline.models.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's real test data lives beside the clone in {@code ../shared} (footage, the CLIP tokenizer).
 * Tests that need it fail loudly when it is missing; they never skip silently.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        String configured = System.getProperty("sightline.shared");
        if (configured != null) {
            Path p = Path.of(configured).toAbsolutePath().normalize();
            if (Files.isDirectory(p.resolve("footage"))) {
                return p;
            }
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("footage"))) {
                return candidate;
            }
        }
        return fail("../shared (footage and tokenizer fixtures) was not found beside the clone; looked from "
                + dir + " and -Dsightline.shared=" + configured + ". These tests need it.");
    }

    public static Path footage(String name) {
        Path p = root().resolve("footage").resolve(name);
        if (!Files.isRegularFile(p)) {
            fail("missing shared fixture " + p);
        }
        return p;
    }

    public static Path clipTokenizerDir() {
        Path p = root().resolve("models/clip-vit-base-patch32-tokenizer");
        if (!Files.isRegularFile(p.resolve("tokenizer.json"))) {
            fail("missing shared CLIP tokenizer at " + p);
        }
        return p;
    }
}
