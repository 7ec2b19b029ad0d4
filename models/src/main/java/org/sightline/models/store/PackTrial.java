package org.sightline.models.store;

import org.sightline.models.pack.PackManifest;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.VerifiedPack;
import java.nio.file.Path;
import java.util.List;
import org.sightline.models.runtime.OnnxVisionLanguageModel;
import org.sightline.models.runtime.PromptNotUnderstoodException;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.RuntimeOptions;
import org.sightline.models.runtime.TestPicture;

/**
 * Runs both encoders of a verified pack once, on a fixed test picture and prompt, so that a pack that would fail at
 * indexing or search time is refused when it is imported: both encoders load and run with the pack's own settings
 * (token type, attention mask, batch size, preprocessing, pooling of token states), each gives one vector of the
 * manifest's dimension (after pooling, when the encoder gives token states), and every
 * value is finite. Pictures are encoded in batches of two sizes, so an encoder that only works with one batch size is
 * caught, and one with a fixed batch is exercised as indexing uses it.
 */
public final class PackTrial {
    /** The prompt every pack must understand well enough to give a vector for. */
    public static final String PROMPT = "a red car";

    private PackTrial() {
    }

    /**
     * @throws PackVerificationException naming the encoder file when it cannot run on the test input or gives a wrong vector
     */
    public static void run(VerifiedPack pack) {
        PackManifest m = pack.manifest();
        Path image = file(pack, PackManifest.FileRole.IMAGE_ENCODER);
        Path text = file(pack, PackManifest.FileRole.TEXT_ENCODER);
        // four pictures in batches of at most three: a full batch and a partial one of another size, as indexing runs them
        try (OnnxVisionLanguageModel model = OnnxVisionLanguageModel.open(pack, new RuntimeOptions(1, 1, 3))) {
            float[][] vectors;
            try {
                vectors = model.embedImages(List.of(testPicture(320, 240), testPicture(200, 260), testPicture(640, 360), testPicture(96, 96)));
            } catch (RuntimeException e) {
                throw new PackVerificationException(image, "the image encoder fails on a test picture: " + e.getMessage(), e);
            }
            for (float[] v : vectors) {
                check(image, v, m.embeddingDimension(), "image", m.image().output(), m.image().pooling());
            }
            float[] t;
            try {
                t = model.embedText(PROMPT);
            } catch (PromptNotUnderstoodException e) {
                throw new PackVerificationException(text, "the text encoder gives a zero or non-finite vector for \"" + PROMPT + "\"", e);
            } catch (RuntimeException e) {
                throw new PackVerificationException(text, "the text encoder fails on the prompt \"" + PROMPT + "\": " + e.getMessage(), e);
            }
            check(text, t, m.embeddingDimension(), "text", m.text().output(), m.text().pooling());
        }
    }

    private static Path file(VerifiedPack pack, PackManifest.FileRole role) {
        return pack.dir().resolve(pack.manifest().file(role).orElseThrow().path());
    }

    /** A vector of the manifest's dimension, finite; for an output of token states, the pooled vector is checked. */
    private static void check(Path file, float[] v, int dimension, String which, String output, PackManifest.Pooling pooling) {
        if (v == null || v.length != dimension) {
            throw new PackVerificationException(file, "the " + which + " encoder gives " + (v == null ? "no" : v.length)
                    + " values on the test input" + (pooling == null ? "" : " after " + pooling.name().toLowerCase(java.util.Locale.ROOT)
                    + " pooling of " + output) + "; the manifest says " + dimension);
        }
        for (float x : v) {
            if (!Float.isFinite(x)) {
                throw new PackVerificationException(file, "the " + which + " encoder gives non-finite values on the test input");
            }
        }
    }

    /** The fixed test picture ({@link TestPicture}). */
    static RgbFrame testPicture(int width, int height) {
        return TestPicture.of(width, height);
    }
}
