package org.sightline.indexer.export;

/**
 * What cutting one clip produced.
 *
 * @param frames            frames written
 * @param framesPerSecond   the clip's frame rate (the source's)
 * @param firstFrameSeconds source time of the first frame written
 * @param lastFrameSeconds  source time of the last frame written
 * @param stillSeconds      source time of the frame saved as the still
 * @param encoder           the encoder used, e.g. {@code libopenh264}
 */
public record ClipCut(int frames, double framesPerSecond, double firstFrameSeconds, double lastFrameSeconds,
                      double stillSeconds, String encoder) {

    /** Length of the clip: frames times the frame interval. */
    public double durationSeconds() {
        return framesPerSecond > 0 ? frames / framesPerSecond : lastFrameSeconds - firstFrameSeconds;
    }
}
