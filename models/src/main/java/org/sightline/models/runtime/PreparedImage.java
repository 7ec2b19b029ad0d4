package org.sightline.models.runtime;

/**
 * A frame together with the encoder input a model made of it ({@code [3,size,size]} floats), so that preprocessing
 * can run on another thread (the decoder's) while the model embeds the previous batch.
 *
 * @param frame      the picture
 * @param input      the model's input for it, or null when not prepared yet (the model then prepares it itself)
 * @param preparedBy identifies the preprocessing that made {@code input}; a model uses {@code input} only when the
 *                   preprocessing is its own, so a frame prepared for one model is never fed as is to another
 */
public record PreparedImage(RgbFrame frame, float[] input, Object preparedBy) {
    public PreparedImage {
        if (frame == null) {
            throw new IllegalArgumentException("frame is required");
        }
        if ((input == null) != (preparedBy == null)) {
            throw new IllegalArgumentException("input and preparedBy go together");
        }
    }

    /** A frame with nothing prepared yet. */
    public static PreparedImage of(RgbFrame frame) {
        return new PreparedImage(frame, null, null);
    }
}
