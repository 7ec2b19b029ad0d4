package org.sightline.models.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sightline.models.store.ModelStore;
import org.sightline.models.runtime.PromptTokenizer;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.VisionLanguageModel;

/**
 * Run in a child JVM by {@code OfflineProofTest}: installs and opens the demo pack the way the product does
 * (no {@code -Dai.djl.offline} on the command line: the product's own {@code OfflineMode} must be enough), embeds a
 * frame and a prompt, and tokenises with the real CLIP tokenizer. Prints {@code OFFLINE-OK} at the end.
 *
 * <p>Arguments: models directory, CLIP tokenizer folder.
 */
public final class OfflineInferenceMain {
    private OfflineInferenceMain() {
    }

    public static void main(String[] args) throws Exception {
        ModelStore store = new ModelStore(Path.of(args[0]));
        store.installDemo();
        try (VisionLanguageModel model = store.openActive()) {
            byte[] rgb = new byte[320 * 180 * 3];
            for (int i = 0; i < rgb.length; i += 3) {
                rgb[i] = (byte) 200;
            }
            float[] image = model.embedImages(List.of(new RgbFrame(320, 180, rgb)))[0];
            float[] text = model.embedText("a red car");
            double score = 0;
            for (int i = 0; i < image.length; i++) {
                score += image[i] * text[i];
            }
            System.out.println("red score " + score);
        }
        byte[] clip = Files.readAllBytes(Path.of(args[1]).resolve("tokenizer.json"));
        try (PromptTokenizer tokenizer = new PromptTokenizer(clip, 77, 49407)) {
            System.out.println("clip ids " + tokenizer.tokenize("a photo of a dog").length());
        }
        System.out.println("OFFLINE-OK");
    }
}
