package org.sightline.models.runtime;

import java.util.List;
import org.sightline.models.pack.ModelId;

/**
 * A CLIP-style pair of encoders that put frames and prompts into one embedding space.
 * Every vector returned is L2-normalised, so the dot product of an image vector and a text vector
 * is their cosine similarity.
 *
 * <p>Implementations are safe to call from several threads at once.
 */
public interface VisionLanguageModel extends AutoCloseable {

    /** Which model made a vector: pack name, version and manifest hash. Vectors of different ids are never compared. */
    ModelId id();

    /** Length of every vector this model returns. */
    int dimension();

    /**
     * The short side, in pixels, that frames should have when they reach {@link #embedImages}; decoders
     * scale to about this size so that little work is wasted.
     */
    int preferredShortSide();

    /** One normalised vector per frame, in order. */
    float[][] embedImages(List<RgbFrame> frames);

    /**
     * Does the per-frame work that comes before the encoder (resize, crop, normalise), so a producer thread can do
     * it while the model is busy with the previous batch. The default prepares nothing.
     */
    default PreparedImage prepareImage(RgbFrame frame) {
        return PreparedImage.of(frame);
    }

    /** Same as {@link #embedImages} for frames that went through {@link #prepareImage}. */
    default float[][] embedPrepared(List<PreparedImage> images) {
        return embedImages(images.stream().map(PreparedImage::frame).toList());
    }

    /**
     * The normalised vector of a prompt. A prompt in which the model recognises nothing gets
     * {@link PromptNotUnderstoodException} rather than a meaningless vector.
     */
    float[] embedText(String prompt);

    @Override
    void close();
}
