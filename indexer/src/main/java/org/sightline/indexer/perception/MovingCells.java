package org.sightline.indexer.perception;

import org.sightline.indexer.footage.GreyThumbnail;
import org.sightline.models.perception.detect.NormalisedBox;
import org.sightline.models.runtime.RgbFrame;

/**
 * Where the picture moved between two consecutive sampled frames: the cells of a {@value #COLUMNS}×{@value #ROWS} grey
 * thumbnail (the near-duplicate filter's grid) whose grey level changed by more than {@value #CELL_LEVELS} beyond the
 * common shift of the whole picture (auto-exposure is not motion). The small cyclist of the parking lot changes its
 * cells by 46–82 levels from one second to the next; an empty car park by at most 19.
 */
public final class MovingCells {
    public static final int COLUMNS = 64;
    public static final int ROWS = 36;
    static final double CELL_LEVELS = 30;

    private final boolean[] moved;
    private final int count;

    private MovingCells(boolean[] moved) {
        this.moved = moved;
        int n = 0;
        for (boolean m : moved) {
            if (m) {
                n++;
            }
        }
        this.count = n;
    }

    /** Nothing moved (the first frame of a video). */
    public static MovingCells none() {
        return new MovingCells(new boolean[COLUMNS * ROWS]);
    }

    /** The thumbnail motion is measured on. */
    public static GreyThumbnail thumbnail(RgbFrame frame) {
        return GreyThumbnail.of(frame, COLUMNS, ROWS);
    }

    /** The cells that changed from {@code before} to {@code now}; none when the two differ in size. */
    public static MovingCells between(GreyThumbnail before, GreyThumbnail now) {
        if (before == null || before.width() != COLUMNS || before.height() != ROWS || now.width() != COLUMNS
                || now.height() != ROWS) {
            return none(); // frames smaller than the grid: no motion measure
        }
        float[] change = now.changeBeyondCommonShift(before);
        boolean[] moved = new boolean[change.length];
        for (int i = 0; i < change.length; i++) {
            moved[i] = change[i] > CELL_LEVELS;
        }
        return new MovingCells(moved);
    }

    /** How many cells moved. */
    public int count() {
        return count;
    }

    /** Whether the cell at this column and row moved. */
    public boolean moved(int column, int row) {
        return moved[row * COLUMNS + column];
    }

    /** How many moved cells have their centre inside the box. */
    public int countInside(NormalisedBox box) {
        int n = 0;
        for (int r = 0; r < ROWS; r++) {
            float cy = (r + 0.5f) / ROWS;
            if (cy < box.y1() || cy > box.y2()) {
                continue;
            }
            for (int c = 0; c < COLUMNS; c++) {
                float cx = (c + 0.5f) / COLUMNS;
                if (moved[r * COLUMNS + c] && cx >= box.x1() && cx <= box.x2()) {
                    n++;
                }
            }
        }
        return n;
    }

    /** A copy without the cells whose centre lies inside any of the boxes (motion those objects explain). */
    public MovingCells without(Iterable<NormalisedBox> boxes) {
        boolean[] left = moved.clone();
        for (NormalisedBox box : boxes) {
            for (int r = 0; r < ROWS; r++) {
                float cy = (r + 0.5f) / ROWS;
                for (int c = 0; c < COLUMNS; c++) {
                    float cx = (c + 0.5f) / COLUMNS;
                    if (cx >= box.x1() && cx <= box.x2() && cy >= box.y1() && cy <= box.y2()) {
                        left[r * COLUMNS + c] = false;
                    }
                }
            }
        }
        return new MovingCells(left);
    }
}
