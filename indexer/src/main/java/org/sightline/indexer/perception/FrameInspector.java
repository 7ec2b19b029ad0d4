package org.sightline.indexer.perception;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.sightline.models.perception.detect.Detection;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.runtime.RgbFrame;

/**
 * Runs the object detector on some of the frames the indexer samples, at a cadence that keeps indexing fast
 * ({@link Examination}): on frames the near-duplicate filter kept (something changed since the last embedded frame; in a
 * still scene the detections stay what they were) at most one every {@link Examination#stillSeconds()} seconds of a
 * video; while something travels one every {@link Examination#movingSeconds()}, within
 * {@link Examination#maxExtraPerMinute()} extra a minute, so tracks link over short gaps ({@link ExaminationCadence}).
 * Where something moves that no large enough box explains, it looks closer ({@link LookCloser}). Each object found gets
 * its box's dominant colour ({@link BoxColour}).
 *
 * <p>Used by one thread at a time (the indexer's feeding thread); {@link #startFile()} before each video, then
 * {@link #observe} every sampled frame in order.
 */
public final class FrameInspector {
    /**
     * Seconds of video between examined frames by default: at about 0.3 s per frame for the centernet starter
     * detector on 2 cores this costs about 0.05 s per second of footage (docs/benchmarks.md).
     */
    public static final double DEFAULT_INTERVAL_SECONDS = 6.0;
    /**
     * Frames are decoded at least this large (short side) when the detector runs: 768×432 footage then comes at
     * 512×288, exactly the detector's 512-pixel letterboxed input, so nothing is scaled up for it. Looking closer needs
     * no larger decode: on the labelled frames, crops of the 512×288 frame find the same bicycles as crops of the native
     * 768×432 one (LookCloserQualityTest), so the embedded frames stay those of a first index.
     */
    public static final int PREFERRED_SHORT_SIDE = 288;
    private final Supplier<ObjectDetector> openDetector;
    private final Supplier<TextInspector> openText;
    private ObjectDetector detector;
    private TextInspector text;
    private final Examination examination;
    private final LookCloser lookCloser;
    private final String packs;
    private final ExaminationCadence cadence;
    private long textNanos;
    private long closerNanos;
    private long crops;

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
        this(openDetector, openText, checkedEvery(intervalSeconds), packs);
    }

    /**
     * @param examination which frames are examined and how closely
     * @param packs       the perception packs (name, version, manifest SHA-256); recorded with what they find, followed by
     *                    the examination's {@link Examination#described() description} when it has one
     */
    public FrameInspector(Supplier<ObjectDetector> openDetector, Supplier<TextInspector> openText, Examination examination,
            String packs) {
        this.openDetector = Objects.requireNonNull(openDetector, "openDetector");
        this.openText = Objects.requireNonNull(openText, "openText");
        this.examination = Objects.requireNonNull(examination, "examination");
        this.lookCloser = examination.lookCloser() == null ? null : new LookCloser(examination.lookCloser());
        this.cadence = new ExaminationCadence(examination, lookCloser != null);
        Objects.requireNonNull(packs, "packs");
        String described = examination.described();
        this.packs = packs.isEmpty() || described.isEmpty() ? packs : packs + "; " + described;
    }

    private static Examination checkedEvery(double intervalSeconds) {
        if (!(intervalSeconds >= 0)) {
            throw new IllegalArgumentException("the interval between examined frames must not be negative, got " + intervalSeconds);
        }
        return Examination.every(intervalSeconds);
    }

    /**
     * The perception packs in use (name, version, manifest SHA-256) and how frames are examined, as recorded with what
     * they find.
     */
    public String packs() {
        return packs;
    }

    public double intervalSeconds() {
        return examination.stillSeconds();
    }

    public Examination examination() {
        return examination;
    }

    /** Starts a new video: its first changed frame is examined. */
    public void startFile() {
        cadence.startFile();
        if (text != null) {
            text.startFile();
        }
    }

    /**
     * Measures what moved since the previous sampled frame; call for every sampled frame, in order, before
     * {@link #due} ({@link ExaminationCadence#observe}).
     */
    public void observe(RgbFrame frame) {
        cadence.observe(frame);
    }

    /**
     * Whether the frame at {@code offsetSeconds} is to be examined ({@link ExaminationCadence#due}).
     *
     * @param changed the near-duplicate filter kept the frame (it is embedded)
     */
    public boolean due(double offsetSeconds, boolean changed) {
        return cadence.due(offsetSeconds, changed);
    }

    /** Frames examined beyond the still cadence because something travelled, so far. */
    public long extraExamined() {
        return cadence.extraExamined();
    }

    /** Crops looked at closer so far. */
    public long crops() {
        return crops;
    }

    /** Nanoseconds {@link #inspect} has spent on crops so far (part of object detection). */
    public long closerNanos() {
        return closerNanos;
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
        cadence.examined(offsetSeconds);
        List<ObjectSighting> objects = new ArrayList<>();
        List<Detection> boxes = detector.detect(frame);
        if (lookCloser != null) {
            long t = System.nanoTime();
            MovingCells moving = cadence.moving();
            crops += lookCloser.crops(moving, boxes).size();
            boxes = lookCloser.detect(frame, moving, boxes, detector);
            closerNanos += System.nanoTime() - t;
        }
        for (Detection d : boxes) {
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
