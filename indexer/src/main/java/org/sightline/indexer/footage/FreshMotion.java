package org.sightline.indexer.footage;

import java.util.Arrays;

/**
 * Finds motion in places that were still: cells of a grey thumbnail that changed since the previous sample while
 * no cell next to them changed in the few samples before. Someone already standing in view keeps moving a little
 * (a hand, a turned page), but always where they already moved a moment ago, so that motion is not fresh; a
 * cyclist or a pedestrian crossing an empty car park moves into still cells every second, so theirs is, even when
 * they cover only a handful of cells.
 *
 * <p>Fed every sampled frame in order, embedded or not. One instance per video, used from one thread. Used by the
 * near-duplicate filter and by perception's examination cadence ({@code FrameInspector}).
 */
public final class FreshMotion {
    private final double cellLevels;
    private final int memorySamples;

    private GreyThumbnail previous;
    /** Per cell, the sample number it last moved at; far in the past when never. */
    private int[] lastMovedAt;
    private int sample;

    /**
     * @param cellLevels    a cell moved when its grey level changed by more than this between samples, beyond the
     *                      common shift of the whole picture
     * @param memorySamples how many earlier samples of motion make a place "moving" rather than still
     */
    public FreshMotion(double cellLevels, int memorySamples) {
        this.cellLevels = cellLevels;
        this.memorySamples = memorySamples;
    }

    /** Records {@code thumb} as the next sample and returns how many of its cells moved where all was still. */
    public int freshCells(GreyThumbnail thumb) {
        if (previous == null || previous.width() != thumb.width() || previous.height() != thumb.height()) {
            previous = thumb;
            lastMovedAt = new int[thumb.width() * thumb.height()];
            Arrays.fill(lastMovedAt, Integer.MIN_VALUE / 2);
            sample = 0;
            return 0;
        }
        sample++;
        float[] change = thumb.changeBeyondCommonShift(previous);
        int width = thumb.width();
        int height = thumb.height();
        int fresh = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (change[y * width + x] > cellLevels && !movedNearbyRecently(x, y, width, height)) {
                    fresh++;
                }
            }
        }
        for (int i = 0; i < change.length; i++) {
            if (change[i] > cellLevels) {
                lastMovedAt[i] = sample;
            }
        }
        previous = thumb;
        return fresh;
    }

    private boolean movedNearbyRecently(int x, int y, int width, int height) {
        for (int ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++) {
            for (int nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
                if (sample - lastMovedAt[ny * width + nx] <= memorySamples) {
                    return true;
                }
            }
        }
        return false;
    }
}
