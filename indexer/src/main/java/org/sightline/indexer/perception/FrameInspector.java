package org.sightline.indexer.perception;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.sightline.models.perception.detect.Detection;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.runtime.RgbFrame;

/**
 * Runs the object detector on some of the frames the indexer samples, at a cadence that keeps indexing fast: only on
 * frames the near-duplicate filter kept (something changed since the last embedded frame; in a still scene the
 * detections stay what they were), and at most one every {@link #intervalSeconds()} seconds of a video. Each object
 * found gets its box's dominant colour ({@link BoxColour}).
 *
 * <p>Used by one thread at a time (the indexer's feeding thread); {@link #startFile()} before each video.
 */
public final class FrameInspector {
    /**
     * Seconds of video between examined frames by default: at about 0.3 s per frame for the centernet starter
     * detector on 2 cores this costs about 0.05 s per second of footage (docs/benchmarks.md).
     */
    public static final double DEFAULT_INTERVAL_SECONDS = 6.0;
    /**
     * Frames are decoded at least this large (short side) when the detector runs: 768×432 footage then comes at
     * 512×288, exactly the detector's 512-pixel letterboxed input, so nothing is scaled up for it.
     */
    public static final int PREFERRED_SHORT_SIDE = 288;
    /** The short side frames are decoded at when only the whole frame is examined ({@link #PREFERRED_SHORT_SIDE}). */
    public static final int WHOLE_FRAME_SHORT_SIDE = 288;
    /**
     * The short side frames are decoded at when the inspector looks closer where something moves: 768×432 footage
     * comes at its native size, so a crop of half the frame (384×216) holds real pixels for the detector's input.
     */
    public static final int LOOK_CLOSER_SHORT_SIDE = 432;

    private final Supplier<ObjectDetector> openDetector;
    private final Supplier<TextInspector> openText;
    private ObjectDetector detector;
    private TextInspector text;
    private final double intervalSeconds;
    private final String packs;
    private double lastExamined = Double.NaN;
    private long textNanos;

    /** @param detector used, not owned: the caller closes it */
    public FrameInspector(ObjectDetector detector, double intervalSeconds) {
        this(detector, null, intervalSeconds, "");
    }

    /**
     * @param text  also reads scene text and the burned-in clock in examined frames; null for none
     * @param packs which perception packs the detector and reader come from (name, version, manifest SHA-256), recorded
     *              with what they find
     */
    public FrameInspector(ObjectDetector detector, TextInspector text, double intervalSeconds, String packs) {
        this(() -> detector, () -> text, intervalSeconds, packs);
        Objects.requireNonNull(detector, "detector");
    }

    /**
     * An inspector whose detector and text reader are opened only when a frame is first examined: a run whose files all
     * take over what the same packs found earlier ({@code packs} known without opening them) never loads them.
     *
     * @param openDetector opens the detector (called once, on the first examined frame; the caller closes it)
     * @param openText     gives the text inspector, or null for none (called once, after the detector)
     */
    public FrameInspector(Supplier<ObjectDetector> openDetector, Supplier<TextInspector> openText, double intervalSeconds,
            String packs) {
        this.openDetector = Objects.requireNonNull(openDetector, "openDetector");
        this.openText = Objects.requireNonNull(openText, "openText");
        this.packs = Objects.requireNonNull(packs, "packs");
        if (!(intervalSeconds >= 0)) {
            throw new IllegalArgumentException("the interval between examined frames must not be negative, got " + intervalSeconds);
        }
        this.intervalSeconds = intervalSeconds;
    }

    /** The perception packs in use (name, version, manifest SHA-256), as recorded with what they find. */
    public String packs() {
        return packs;
    }

    public double intervalSeconds() {
        return intervalSeconds;
    }

    /** Starts a new video: its first changed frame is examined. */
    public void startFile() {
        lastExamined = Double.NaN;
        if (text != null) {
            text.startFile();
        }
    }

    /**
     * Whether the frame at {@code offsetSeconds} is to be examined.
     *
     * @param changed the near-duplicate filter kept the frame (it is embedded)
     */
    public boolean due(double offsetSeconds, boolean changed) {
        return changed && (Double.isNaN(lastExamined) || offsetSeconds - lastExamined >= intervalSeconds - 1e-9);
    }

    /** Nanoseconds {@link #inspect} has spent reading text so far (the rest of its time is object detection). */
    public long textNanos() {
        return textNanos;
    }

    /** Runs the detector on the frame and names each object's colour; reads its text when a text inspector is set. */
    public FrameDetections inspect(double offsetSeconds, RgbFrame frame) {
        if (detector == null) {
            detector = Objects.requireNonNull(openDetector.get(), "the perception source gave no detector");
            text = openText.get();
            if (text != null) {
                text.startFile();
            }
        }
        lastExamined = offsetSeconds;
        List<ObjectSighting> objects = new ArrayList<>();
        for (Detection d : detector.detect(frame)) {
            objects.add(new ObjectSighting(d.label(), d.score(), d.box(), BoxColour.of(frame, d.box())));
        }
        FrameDetections found = new FrameDetections(offsetSeconds, objects);
        if (text == null) {
            return found;
        }
        long t = System.nanoTime();
        try {
            return text.read(found, frame);
        } finally {
            textNanos += System.nanoTime() - t;
        }
    }
}
