package org.sightline.indexer.perception;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sightline.models.perception.detect.NormalisedBox;
import org.sightline.models.perception.text.BurnedInClockParser;
import org.sightline.models.perception.text.RecognisedText;
import org.sightline.models.perception.text.SceneTextReader;
import org.sightline.models.perception.text.TextBox;
import org.sightline.models.runtime.RgbFrame;

/**
 * Reads scene text and the recorder's burned-in clock in frames the {@link FrameInspector} examines:
 * <ul>
 *   <li>the whole frame, as decoded, on every {@code fullReadEvery}-th examined frame of a video (the first
 *       included), stored as
 *       {@link SceneTextSighting}s;</li>
 *   <li>the clock: the first full readings of a video look for lines {@link BurnedInClockParser} understands, and the
 *       region they lie in is then read alone (cheap) on every examined frame, giving a {@link ClockSighting}. A video
 *       where the first {@value #CLOCK_SEARCH_FRAMES} full readings find no clock is taken to have none.</li>
 * </ul>
 * Used by one thread at a time (the indexer's feeding thread); {@link #startFile()} before each video.
 */
public final class TextInspector {
    /** Full readings of a video in which a clock is looked for before giving up. */
    static final int CLOCK_SEARCH_FRAMES = 2;
    /** Full-frame text every this many examined frames by default (with 6 s between examined frames: every 18 s). */
    public static final int DEFAULT_FULL_READ_EVERY = 3;
    /** Frames lower than this have their clock region enlarged twice before reading (small overlays of low-resolution recorders). */
    private static final int SMALL_FRAME_HEIGHT = 400;

    private final SceneTextReader reader;
    private final int fullReadEvery;
    private final BurnedInClockParser clocks = new BurnedInClockParser();

    private int examined;
    private int clockSearches;
    /** The clock's region in pixels (x, y, width, height), once found. */
    private int[] clockRegion;

    /** @param reader used, not owned: the caller closes it */
    public TextInspector(SceneTextReader reader, int fullReadEvery) {
        this.reader = Objects.requireNonNull(reader, "reader");
        if (fullReadEvery < 1) {
            throw new IllegalArgumentException("full text reading must be every 1 or more examined frames, got " + fullReadEvery);
        }
        this.fullReadEvery = fullReadEvery;
    }

    public void startFile() {
        examined = 0;
        clockSearches = 0;
        clockRegion = null;
    }

    /** Reads text in an examined frame and adds it to what the detector found there. */
    public FrameDetections read(FrameDetections found, RgbFrame frame) {
        boolean full = examined % fullReadEvery == 0;
        examined++;
        List<RecognisedText> lines = full ? reader.read(frame) : List.of();
        List<SceneTextSighting> texts = new ArrayList<>(lines.size());
        for (RecognisedText t : lines) {
            texts.add(new SceneTextSighting(t.text(), box(t.box(), frame), t.confidence()));
        }
        ClockSighting clock = null;
        if (clockRegion == null && full && clockSearches < CLOCK_SEARCH_FRAMES) {
            clockSearches++;
            clock = findClock(lines, frame).orElse(null);
        } else if (clockRegion != null) {
            clock = readClock(frame).orElse(null);
        }
        return found.withText(texts, clock);
    }

    /** Looks for the clock among a full reading's lines (alone, or two neighbouring lines: date above time). */
    private Optional<ClockSighting> findClock(List<RecognisedText> lines, RgbFrame frame) {
        for (int i = 0; i < lines.size(); i++) {
            for (int n = 1; n <= 2 && i + n <= lines.size(); n++) {
                List<RecognisedText> group = lines.subList(i, i + n);
                List<String> texts = group.stream().map(RecognisedText::text).toList();
                var reading = clocks.parse(texts);
                if (reading.isPresent()) {
                    clockRegion = region(group, frame);
                    return Optional.of(new ClockSighting(String.join(" ", texts), reading.get().time(), reading.get().format()));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<ClockSighting> readClock(RgbFrame frame) {
        List<RecognisedText> lines = reader.read(frame, clockRegion[0], clockRegion[1], clockRegion[2], clockRegion[3], zoom(frame));
        List<String> texts = lines.stream().map(RecognisedText::text).toList();
        return clocks.parse(texts).map(r -> new ClockSighting(String.join(" ", texts), r.time(), r.format()));
    }

    /**
     * The clock's region of small frames is read enlarged twice (overlays of low-resolution recorders are 6-10 pixels
     * high). Whole frames are not: that costs four times as much (measured 0.4-1.7 s a frame), and a clock too small
     * to be found at the decoded size is not found at all (the 320x240 motorway fixture's, for one).
     */
    private static int zoom(RgbFrame frame) {
        return frame.height() < SMALL_FRAME_HEIGHT ? 2 : 1;
    }

    /** The boxes' union, widened by half a line height on every side, inside the frame. */
    private static int[] region(List<RecognisedText> group, RgbFrame frame) {
        int x1 = Integer.MAX_VALUE;
        int y1 = Integer.MAX_VALUE;
        int x2 = 0;
        int y2 = 0;
        int lineHeight = 0;
        for (RecognisedText t : group) {
            TextBox b = t.box();
            x1 = Math.min(x1, b.x());
            y1 = Math.min(y1, b.y());
            x2 = Math.max(x2, b.right());
            y2 = Math.max(y2, b.bottom());
            lineHeight = Math.max(lineHeight, b.height());
        }
        int pad = Math.max(2, lineHeight / 2);
        x1 = Math.max(0, x1 - pad);
        y1 = Math.max(0, y1 - pad);
        x2 = Math.min(frame.width(), x2 + pad);
        y2 = Math.min(frame.height(), y2 + pad);
        return new int[] {x1, y1, Math.max(1, x2 - x1), Math.max(1, y2 - y1)};
    }

    private static NormalisedBox box(TextBox b, RgbFrame frame) {
        return NormalisedBox.clamped((float) b.x() / frame.width(), (float) b.y() / frame.height(),
                (float) b.right() / frame.width(), (float) b.bottom() / frame.height());
    }
}
