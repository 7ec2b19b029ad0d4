package org.sightline.indexer.footage;

/**
 * How frames are taken from a video.
 *
 * @param framesPerSecond regular sampling rate (default 1)
 * @param shortSide       decoded frames are scaled so their short side is about this many pixels (the model's input size)
 * @param sceneCuts       also take a frame at each abrupt picture change
 */
public record SamplingOptions(double framesPerSecond, int shortSide, boolean sceneCuts) {
    public static final SamplingOptions DEFAULT = new SamplingOptions(1.0, 224, true);

    public SamplingOptions {
        if (!(framesPerSecond > 0)) {
            throw new IllegalArgumentException("sampling rate must be positive, got " + framesPerSecond);
        }
        if (shortSide < 16) {
            throw new IllegalArgumentException("short side must be at least 16 pixels, got " + shortSide);
        }
    }
}
