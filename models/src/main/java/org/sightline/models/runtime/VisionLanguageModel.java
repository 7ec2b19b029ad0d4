package org.sightline.models.runtime;

import java.util.List;

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
     * The normalised vector of a prompt. A prompt in which the model recognises nothing gets
     * {@link PromptNotUnderstoodException} rather than a meaningless vector.
     */
    float[] embedText(String prompt);

    @Override
    void close();
}
