package org.sightline.indexer.perception;

import java.util.ArrayList;
import java.util.List;
import org.sightline.models.perception.detect.Detection;
import org.sightline.models.perception.detect.NonMaxSuppression;
import org.sightline.models.perception.detect.NormalisedBox;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.runtime.RgbFrame;

/**
 * Looks closer where something moves that the whole-frame detection does not explain: small objects (the top-down
 * cyclist of the parking lot is about 30 pixels of a 768-pixel frame, 20 of the detector's 512) are found when the
 * detector sees a crop around them at its own input size. After the whole frame, the moving cells ({@link MovingCells})
 * not inside a detected box at least {@link Settings#explainedWidth} wide are grouped into areas; each area of at least
 * {@link Settings#minMovingCells} cells and small enough to be a small object ({@value #SMALL_AREA} of a crop's width
 * and height at most) gets one crop of {@link Settings#cropFraction} of the frame's width and height centred on it, at
 * most {@link Settings#maxCrops} per frame, biggest area first. The detector
 * runs on each crop; its boxes are mapped back into frame coordinates, kept only when at least half the moving cells
 * they hold are ones no large whole-frame box explains (a parked car in the crop, or a "dog" on the legs of a person the
 * whole frame found, is not what the crop was for) and do not touch a crop edge inside the frame (half an object), then merged with the whole frame's boxes by the detector's own non-maximum suppression.
 *
 * <p>Stateless and deterministic: the same frame, motion and detector give the same boxes.
 */
public final class LookCloser {
    /**
     * @param cropFraction   a crop's width and height as fractions of the frame's (the same shape as the frame)
     * @param maxCrops       crops per examined frame at most (each costs one detector run)
     * @param minMovingCells an area needs this many unexplained moving cells to be looked at
     * @param explainedWidth a whole-frame box at least this wide (fraction of the frame) explains the motion inside it;
     *                       narrower ones (a person seen from far above) do not, so a bicycle under them is still looked for
     */
    public record Settings(float cropFraction, int maxCrops, int minMovingCells, float explainedWidth) {
        public static final Settings DEFAULT = new Settings(0.5f, 1, 2, 0.1f);

        public Settings {
            if (!(cropFraction > 0 && cropFraction < 1) || maxCrops < 1 || minMovingCells < 1 || !(explainedWidth >= 0)) {
                throw new IllegalArgumentException("need 0 < cropFraction < 1, maxCrops >= 1, minMovingCells >= 1 and"
                        + " explainedWidth >= 0; got " + this);
            }
        }
    }

    /**
     * Only areas at most this share of a crop's width and height are looked at closer: small things (the cyclist and its
     * second of motion are about a fifth of the frame wide); larger moving areas are what the whole frame sees well.
     */
    private static final float SMALL_AREA = 0.6f;
    /** Distance (in crop fractions) within which a box touches a crop edge. */
    private static final float EDGE = 0.01f;
    /** Moving cells this many cells apart (or closer) belong to one area. */
    private static final int AREA_REACH = 2;

    private final Settings settings;

    public LookCloser(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** The crops to look at, in frame coordinates, biggest moving area first; empty when nothing unexplained moves. */
    public List<NormalisedBox> crops(MovingCells moving, List<Detection> whole) {
        MovingCells unexplained = unexplained(moving, whole);
        List<NormalisedBox> crops = new ArrayList<>();
        if (unexplained.count() < settings.minMovingCells()) {
            return crops;
        }
        for (NormalisedBox area : areas(unexplained)) {
            if (crops.size() >= settings.maxCrops()) {
                break;
            }
            if (area.width() > settings.cropFraction() * SMALL_AREA || area.height() > settings.cropFraction() * SMALL_AREA) {
                continue; // something large moves: the whole frame is the place to see it
            }
            boolean seen = false;
            for (NormalisedBox c : crops) {
                seen |= c.x1() <= area.x1() && area.x2() <= c.x2() && c.y1() <= area.y1() && area.y2() <= c.y2();
            }
            if (!seen) {
                crops.add(around(area));
            }
        }
        return crops;
    }

    /** The moving cells not inside a whole-frame box at least {@link Settings#explainedWidth} wide. */
    private MovingCells unexplained(MovingCells moving, List<Detection> whole) {
        List<NormalisedBox> explaining = new ArrayList<>();
        for (Detection d : whole) {
            if (d.box().width() >= settings.explainedWidth()) {
                explaining.add(d.box());
            }
        }
        return moving.without(explaining);
    }

    /**
     * The whole frame's detections with those of crops around unexplained motion added, merged by the detector's
     * non-maximum suppression; the whole frame's when nothing unexplained moves.
     *
     * @param whole  the detector's boxes on the whole frame
     * @param closer the detector to run on crops (may be the same as the whole frame's)
     */
    public List<Detection> detect(RgbFrame frame, MovingCells moving, List<Detection> whole, ObjectDetector closer) {
        List<NormalisedBox> crops = crops(moving, whole);
        if (crops.isEmpty()) {
            return whole;
        }
        MovingCells unexplained = unexplained(moving, whole);
        List<Detection> all = new ArrayList<>(whole);
        List<Detection> fromCrops = new ArrayList<>();
        for (NormalisedBox crop : crops) {
            RgbFrame pixels = cut(frame, crop);
            for (Detection d : closer.detect(pixels)) {
                NormalisedBox b = d.box();
                if (touchesInnerEdge(b, crop)) {
                    continue;
                }
                NormalisedBox inFrame = NormalisedBox.clamped(crop.x1() + b.x1() * crop.width(), crop.y1() + b.y1() * crop.height(),
                        crop.x1() + b.x2() * crop.width(), crop.y1() + b.y2() * crop.height());
                int fresh = unexplained.countInside(inFrame);
                if (inFrame.area() > 0 && fresh > 0 && 2 * fresh >= moving.countInside(inFrame)) {
                    Detection found = new Detection(d.label(), d.classIndex(), d.score(), inFrame);
                    all.add(found);
                    fromCrops.add(found);
                }
            }
        }
        int[] groups = closer.settings().suppressionGroups();
        List<Detection> merged = NonMaxSuppression.apply(all, closer.settings().iouThreshold(), closer.settings().maxDetections(), groups);
        // a crop's tighter box of an object the whole frame boxed loosely (or the reverse) overlaps it by less than the
        // suppression's IoU, yet is the same object: of a pair where one holds most of the other, the higher score stays
        List<Detection> kept = new ArrayList<>();
        for (Detection d : merged) {
            boolean same = false;
            for (Detection k : kept) {
                same |= groups[k.classIndex()] == groups[d.classIndex()] && (fromCrops.contains(d) != fromCrops.contains(k))
                        && mostlyInside(k.box(), d.box());
            }
            if (!same) {
                kept.add(d);
            }
        }
        return kept;
    }

    /** Whether the smaller of two boxes lies at least {@value #SAME_OBJECT_INSIDE} inside the larger. */
    private static boolean mostlyInside(NormalisedBox a, NormalisedBox b) {
        float iw = Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
        float ih = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
        float smaller = Math.min(a.area(), b.area());
        return iw > 0 && ih > 0 && smaller > 0 && iw * ih / smaller >= SAME_OBJECT_INSIDE;
    }

    /** Share of the smaller box inside the larger above which a crop's box and the whole frame's are one object. */
    private static final float SAME_OBJECT_INSIDE = 0.6f;

    /** Groups moving cells into areas (cells within {@value #AREA_REACH} of each other), biggest first, as boxes. */
    private List<NormalisedBox> areas(MovingCells cells) {
        int columns = MovingCells.COLUMNS;
        int rows = MovingCells.ROWS;
        boolean[] visited = new boolean[columns * rows];
        record Area(int cells, int c1, int r1, int c2, int r2) {
        }
        List<Area> areas = new ArrayList<>();
        int[] queue = new int[columns * rows];
        for (int start = 0; start < columns * rows; start++) {
            if (visited[start] || !cells.moved(start % columns, start / columns)) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            visited[start] = true;
            int c1 = columns;
            int r1 = rows;
            int c2 = -1;
            int r2 = -1;
            while (head < tail) {
                int i = queue[head++];
                int c = i % columns;
                int r = i / columns;
                c1 = Math.min(c1, c);
                c2 = Math.max(c2, c);
                r1 = Math.min(r1, r);
                r2 = Math.max(r2, r);
                for (int dr = -AREA_REACH; dr <= AREA_REACH; dr++) {
                    for (int dc = -AREA_REACH; dc <= AREA_REACH; dc++) {
                        int nc = c + dc;
                        int nr = r + dr;
                        if (nc < 0 || nr < 0 || nc >= columns || nr >= rows) {
                            continue;
                        }
                        int n = nr * columns + nc;
                        if (!visited[n] && cells.moved(nc, nr)) {
                            visited[n] = true;
                            queue[tail++] = n;
                        }
                    }
                }
            }
            if (tail >= settings.minMovingCells()) {
                areas.add(new Area(tail, c1, r1, c2, r2));
            }
        }
        areas.sort((a, b) -> a.cells() != b.cells() ? Integer.compare(b.cells(), a.cells())
                : a.r1() != b.r1() ? Integer.compare(a.r1(), b.r1()) : Integer.compare(a.c1(), b.c1()));
        List<NormalisedBox> boxes = new ArrayList<>();
        for (Area a : areas) {
            boxes.add(new NormalisedBox(a.c1() / (float) columns, a.r1() / (float) rows, (a.c2() + 1) / (float) columns,
                    (a.r2() + 1) / (float) rows));
        }
        return boxes;
    }

    /** A crop of the settings' size (or the area's, plus a margin, when larger) centred on the area, inside the frame. */
    private NormalisedBox around(NormalisedBox area) {
        float w = Math.min(1, Math.max(settings.cropFraction(), area.width() * 1.5f));
        float h = Math.min(1, Math.max(settings.cropFraction(), area.height() * 1.5f));
        float x1 = Math.clamp(area.centreX() - w / 2, 0f, 1 - w);
        float y1 = Math.clamp(area.centreY() - h / 2, 0f, 1 - h);
        return new NormalisedBox(x1, y1, Math.min(1, x1 + w), Math.min(1, y1 + h));
    }

    /** Whether a box (crop coordinates) touches an edge of the crop that is not an edge of the frame. */
    private static boolean touchesInnerEdge(NormalisedBox b, NormalisedBox crop) {
        return (b.x1() < EDGE && crop.x1() > 0) || (b.y1() < EDGE && crop.y1() > 0)
                || (b.x2() > 1 - EDGE && crop.x2() < 1) || (b.y2() > 1 - EDGE && crop.y2() < 1);
    }

    /** The crop's pixels. */
    static RgbFrame cut(RgbFrame frame, NormalisedBox crop) {
        int x0 = Math.clamp(Math.round(crop.x1() * frame.width()), 0, frame.width() - 1);
        int y0 = Math.clamp(Math.round(crop.y1() * frame.height()), 0, frame.height() - 1);
        int x1 = Math.clamp(Math.round(crop.x2() * frame.width()), x0 + 1, frame.width());
        int y1 = Math.clamp(Math.round(crop.y2() * frame.height()), y0 + 1, frame.height());
        int w = x1 - x0;
        int h = y1 - y0;
        byte[] rgb = new byte[3 * w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(frame.rgb(), 3 * ((y0 + y) * frame.width() + x0), rgb, 3 * y * w, 3 * w);
        }
        return new RgbFrame(w, h, rgb);
    }
}
