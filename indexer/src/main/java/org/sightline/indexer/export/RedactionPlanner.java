package org.sightline.indexer.export;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.sightline.indexer.cases.CaseItem;
import org.sightline.indexer.footage.FootageException;
import org.sightline.indexer.footage.VideoOpener;
import org.sightline.models.perception.detect.Detection;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.perception.text.TextBox;
import org.sightline.models.runtime.RgbFrame;

/**
 * Makes an item's {@link RedactionPlan} from its source: decodes every frame of the span, runs the detectors on
 * every frame {@link #detectEverySeconds} apart, and gives each frame the union of the boxes found at the detection
 * before it and the one after it, each grown by a margin ({@link #MARGIN} of the picture plus a tenth of the box),
 * so that an object moving between two detections stays covered. User-drawn regions are hidden in every frame;
 * tracked boxes follow their object ({@link LumaTracker}) and are held fixed where it is lost, with a note.
 */
public final class RedactionPlanner implements ItemRedactions {
    /** Margin added around every detected box, as a fraction of the picture, on each side. */
    public static final double MARGIN = 0.02;
    /** Default seconds between frames the detectors examine. */
    public static final double DEFAULT_DETECT_EVERY_SECONDS = 0.2;
    /** Detections at or above this score are hidden (lower than indexing's, as missing one costs more here). */
    static final float MIN_SCORE = 0.25f;

    private final Set<RedactTarget> targets;
    private final Redaction.Method method;
    private final List<RedactionRegion> regions;
    private final List<TrackedBoxRequest> tracks;
    private final RedactionDetectors detectors;
    private final double detectEverySeconds;
    private final boolean platesOnVehiclesOnly;

    /** Plates are every text region found. */
    public RedactionPlanner(Set<RedactTarget> targets, Redaction.Method method, List<RedactionRegion> regions,
                            List<TrackedBoxRequest> tracks, RedactionDetectors detectors, double detectEverySeconds)
            throws ExportException {
        this(targets, method, regions, tracks, detectors, detectEverySeconds, false);
    }

    /**
     * @param platesOnVehiclesOnly for plates, only text regions whose centre lies on a vehicle the detector finds
     * @throws ExportException REDACTION_UNAVAILABLE when a target needs a pack that is not installed (faces without a
     *                         face detector, people or vehicles without an object detector, plates without the text
     *                         pack): a "disclosure" copy that shows them is never made
     */
    public RedactionPlanner(Set<RedactTarget> targets, Redaction.Method method, List<RedactionRegion> regions,
                            List<TrackedBoxRequest> tracks, RedactionDetectors detectors, double detectEverySeconds,
                            boolean platesOnVehiclesOnly) throws ExportException {
        this.platesOnVehiclesOnly = platesOnVehiclesOnly && targets.contains(RedactTarget.PLATES);
        this.targets = targets.isEmpty() ? EnumSet.noneOf(RedactTarget.class) : EnumSet.copyOf(targets);
        this.method = method;
        this.regions = List.copyOf(regions);
        this.tracks = List.copyOf(tracks);
        this.detectors = detectors;
        this.detectEverySeconds = detectEverySeconds > 0 ? detectEverySeconds : DEFAULT_DETECT_EVERY_SECONDS;
        requirePacks();
    }

    private void requirePacks() throws ExportException {
        if (targets.contains(RedactTarget.FACES) && detectors.faces() == null) {
            throw unavailable("--redact faces needs a face detector, and no installed detector pack has a class named "
                    + "\"face\": install a face detector pack among the starter packs (such as the BlazeFace starter pack, "
                    + "built with Sightline; `sightline models list` shows what is installed); nothing was exported");
        }
        if ((targets.contains(RedactTarget.PEOPLE) || targets.contains(RedactTarget.VEHICLES) || platesOnVehiclesOnly)
                && detectors.objects() == null) {
            throw unavailable("--redact people/vehicles (and plates on vehicles) needs the object detector pack (sightline-detector-centernet, "
                    + "built with Sightline), and none is installed; nothing was exported");
        }
        if (targets.contains(RedactTarget.PLATES) && detectors.text() == null) {
            throw unavailable("--redact plates needs the scene text pack (sightline-text-ppocrv4, built with Sightline), "
                    + "and none is installed; nothing was exported");
        }
        if (targets.equals(EnumSet.of(RedactTarget.REGIONS)) && regions.isEmpty() && tracks.isEmpty()) {
            throw unavailable("--redact regions needs at least one --redact-region or --redact-track box");
        }
    }

    private static ExportException unavailable(String message) {
        return new ExportException(ExportException.Reason.REDACTION_UNAVAILABLE, null, message);
    }

    @Override
    public boolean reviewed() {
        return false;
    }

    /** The detector classes hidden (people → person, vehicles → car, truck, ...). */
    Set<String> classes() {
        Set<String> c = new HashSet<>();
        targets.forEach(t -> c.addAll(t.detectorClasses()));
        return c;
    }

    @Override
    public RedactionPlan planFor(String caseReference, CaseItem item, Path source, BooleanSupplier cancelled)
            throws ExportException {
        return plan(caseReference, item.position(), item.id(), item.videoSha256(), source, item.inSeconds(),
                item.outSeconds(), cancelled);
    }

    /** The plan for the span {@code [in, out)} of {@code source}. */
    public RedactionPlan plan(String caseReference, int position, long itemId, String sourceSha256, Path source,
                              double inSeconds, double outSeconds, BooleanSupplier cancelled) throws ExportException {
        List<TrackedBoxRequest> mine = tracks.stream().filter(t -> t.item() == null || t.item() == position).toList();
        long inMicros = Math.round(inSeconds * 1e6);
        long outMicros = Math.round(outSeconds * 1e6);
        List<Double> times = new ArrayList<>();
        List<LumaTracker.Luma> lumas = new ArrayList<>();
        List<Integer> sampled = new ArrayList<>();
        List<List<PlannedBox>> found = new ArrayList<>();
        double interval;
        try (FFmpegFrameGrabber g = VideoOpener.openForReading(source, avutil.AV_PIX_FMT_BGR24)) {
            double fps = g.getFrameRate() > 0 && g.getFrameRate() < 1000 ? g.getFrameRate() : 25;
            interval = 1 / fps;
            int every = Math.max(1, (int) Math.round(detectEverySeconds * fps));
            g.setTimestamp(inMicros);
            Frame f;
            Frame lastFrame = null;
            while ((f = g.grabImage()) != null) {
                long ts = g.getTimestamp();
                if (ts < inMicros) {
                    continue;
                }
                if (ts >= outMicros) {
                    break;
                }
                int index = times.size();
                times.add(ts / 1e6);
                if (!mine.isEmpty()) {
                    lumas.add(LumaTracker.of(f));
                }
                if (index % every == 0) {
                    sampled.add(index);
                    found.add(detect(f));
                    if (lastFrame != null) {
                        lastFrame.close();
                    }
                    lastFrame = null;
                } else {
                    if (lastFrame != null) {
                        lastFrame.close();
                    }
                    lastFrame = f.clone();
                }
                if (index % 16 == 0 && cancelled.getAsBoolean()) {
                    throw new ExportException(ExportException.Reason.CANCELLED, null, "export cancelled");
                }
            }
            if (lastFrame != null) { // the last frame is always examined, so no frame lies after the last detection
                sampled.add(times.size() - 1);
                found.add(detect(lastFrame));
                lastFrame.close();
            }
        } catch (FootageException e) {
            throw new ExportException(ExportException.Reason.ENCODE_FAILED, source,
                    "cannot plan the redaction of " + source.getFileName() + ": " + e.getMessage(), e);
        } catch (FrameGrabber.Exception e) {
            throw new ExportException(ExportException.Reason.ENCODE_FAILED, source,
                    "FFmpeg could not decode " + source.getFileName() + " to plan its redaction: " + e.getMessage(), e);
        }
        if (times.isEmpty()) {
            throw new ExportException(ExportException.Reason.SPAN_OUTSIDE_FILE, source, String.format(Locale.ROOT,
                    "no frames of %s fall within %.3f-%.3f s", source.getFileName(), inSeconds, outSeconds));
        }
        List<String> notes = new ArrayList<>();
        List<List<PlannedBox>> tracked = trackedBoxes(mine, times, lumas, notes);
        // boxes by frame time; frames sharing a time (some recorders repeat or reorder time stamps) share the union
        java.util.TreeMap<Double, List<PlannedBox>> byTime = new java.util.TreeMap<>();
        int next = 0; // index into sampled of the first detection at or after frame i
        for (int i = 0; i < times.size(); i++) {
            while (sampled.get(next) < i) {
                next++;
            }
            List<PlannedBox> boxes = byTime.computeIfAbsent(times.get(i), t -> new ArrayList<>());
            if (sampled.get(next) == i) {
                boxes.addAll(found.get(next));
            } else {
                boxes.addAll(found.get(next - 1));
                boxes.addAll(found.get(next));
            }
            for (RedactionRegion r : regions) {
                boxes.add(new PlannedBox(r.x(), r.y(), r.width(), r.height(), PlannedBox.Source.MANUAL, "region"));
            }
            boxes.addAll(tracked.get(i));
        }
        List<Double> sorted = new ArrayList<>(byTime.keySet());
        List<RedactionPlan.Span> spans = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            double t = sorted.get(i);
            double from = i == 0 ? t - interval / 2 : (sorted.get(i - 1) + t) / 2;
            double to = i == sorted.size() - 1 ? t + interval / 2 : (t + sorted.get(i + 1)) / 2;
            spans.add(new RedactionPlan.Span(from, to, byTime.get(t).stream().distinct().toList()));
        }
        List<String> manual = new ArrayList<>(regions.stream().map(RedactionRegion::toString).toList());
        mine.forEach(t -> manual.add("tracked " + t));
        return new RedactionPlan(RedactionPlan.FORMAT, caseReference, position, itemId, sourceSha256,
                source.getFileName().toString(), inSeconds, outSeconds, method.code(), targetCodes(), manual,
                usedPacks(), notes, spans);
    }

    /** The targets' codes; plates limited to vehicles as {@code plates-on-vehicles}. */
    private List<String> targetCodes() {
        return RedactTarget.codes(targets).stream()
                .map(c -> platesOnVehiclesOnly && c.equals("plates") ? "plates-on-vehicles" : c).toList();
    }

    /** The packs this plan's targets use: name, version and manifest SHA-256 of each. */
    private List<String> usedPacks() {
        List<String> out = new ArrayList<>();
        if (targets.contains(RedactTarget.PEOPLE) || targets.contains(RedactTarget.VEHICLES) || platesOnVehiclesOnly) {
            out.add(detectors.objectsPack());
        }
        if (targets.contains(RedactTarget.FACES) && !out.contains(detectors.facesPack())) {
            out.add(detectors.facesPack());
        }
        if (targets.contains(RedactTarget.PLATES)) {
            out.add(detectors.textPack());
        }
        return out;
    }

    /** The boxes the detectors find in one frame, grown by the margin. */
    private List<PlannedBox> detect(Frame bgr) {
        boolean objects = targets.contains(RedactTarget.PEOPLE) || targets.contains(RedactTarget.VEHICLES);
        boolean faces = targets.contains(RedactTarget.FACES);
        boolean plates = targets.contains(RedactTarget.PLATES);
        List<PlannedBox> out = new ArrayList<>();
        if (!objects && !faces && !plates) {
            return out;
        }
        RgbFrame frame = rgb(bgr);
        Set<String> classes = classes();
        if (objects) {
            addDetections(detectors.objects(), frame, classes, out);
        }
        if (faces && detectors.faces() != detectors.objects()) {
            addDetections(detectors.faces(), frame, classes, out);
        } else if (faces && !objects) {
            addDetections(detectors.faces(), frame, classes, out);
        }
        if (plates) {
            List<PlannedBox> vehicles = new ArrayList<>();
            if (platesOnVehiclesOnly) {
                addDetections(detectors.objects(), frame, RedactTarget.VEHICLES.detectorClasses(), vehicles);
            }
            for (TextBox b : detectors.text().detect(frame)) {
                double cx = (b.x() + b.width() / 2.0) / frame.width();
                double cy = (b.y() + b.height() / 2.0) / frame.height();
                if (platesOnVehiclesOnly && vehicles.stream().noneMatch(v -> cx >= v.x() && cx <= v.x() + v.width()
                        && cy >= v.y() && cy <= v.y() + v.height())) {
                    continue;
                }
                out.add(grown(new PlannedBox((double) b.x() / frame.width(), (double) b.y() / frame.height(),
                        (double) b.width() / frame.width(), (double) b.height() / frame.height(),
                        PlannedBox.Source.DETECTOR, "text")));
            }
        }
        return out;
    }

    private static void addDetections(ObjectDetector detector, RgbFrame frame, Set<String> classes, List<PlannedBox> out) {
        float threshold = Math.min(MIN_SCORE, detector.settings().scoreThreshold());
        for (Detection d : detector.detect(frame, threshold)) {
            if (classes.contains(d.label())) {
                out.add(grown(new PlannedBox(d.box().x1(), d.box().y1(), d.box().width(), d.box().height(),
                        PlannedBox.Source.DETECTOR, d.label())));
            }
        }
    }

    private static PlannedBox grown(PlannedBox b) {
        double dx = MARGIN + b.width() * 0.1;
        double dy = MARGIN + b.height() * 0.1;
        return new PlannedBox(b.x() - dx, b.y() - dy, b.width() + 2 * dx, b.height() + 2 * dy, b.source(), b.label());
    }

    /** For each frame, the tracked boxes in it (held fixed, with a note, where the object was lost). */
    private static List<List<PlannedBox>> trackedBoxes(List<TrackedBoxRequest> requests, List<Double> times,
                                                       List<LumaTracker.Luma> lumas, List<String> notes) {
        List<List<PlannedBox>> out = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            out.add(new ArrayList<>());
        }
        double first = times.getFirst();
        for (TrackedBoxRequest r : requests) {
            double at = first + r.atClipSeconds();
            int start = 0;
            for (int i = 0; i < times.size(); i++) {
                if (Math.abs(times.get(i) - at) < Math.abs(times.get(start) - at)) {
                    start = i;
                }
            }
            if (at > times.getLast() + 1) {
                notes.add("tracked box " + r + " is drawn after the clip's end: held fixed in every frame");
                for (List<PlannedBox> boxes : out) {
                    boxes.add(fixed(r.box(), "tracked box (drawn after the clip's end, held fixed)"));
                }
                continue;
            }
            List<RedactionRegion> path = LumaTracker.follow(lumas, start, r.box());
            int lost = 0;
            for (int i = 0; i < times.size(); i++) {
                RedactionRegion b = path.get(i);
                if (b == null) {
                    lost++;
                    out.get(i).add(fixed(r.box(), "tracked box (object lost, held fixed)"));
                } else {
                    out.get(i).add(grown(new PlannedBox(b.x(), b.y(), b.width(), b.height(), PlannedBox.Source.TRACKED, "tracked box")));
                }
            }
            if (lost > 0) {
                notes.add(String.format(Locale.ROOT, "tracked box %s: the object was lost in %d of %d frames, where the "
                        + "box is held where it was drawn; check those frames", r, lost, times.size()));
            }
        }
        return out;
    }

    private static PlannedBox fixed(RedactionRegion r, String label) {
        return new PlannedBox(r.x(), r.y(), r.width(), r.height(), PlannedBox.Source.MANUAL, label);
    }

    /** An 8-bit RGB copy of a packed BGR frame, for the detectors. */
    static RgbFrame rgb(Frame bgr) {
        int w = bgr.imageWidth;
        int h = bgr.imageHeight;
        ByteBuffer buf = (ByteBuffer) bgr.image[0];
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            int row = y * bgr.imageStride;
            for (int x = 0; x < w; x++) {
                int p = row + x * 3;
                int q = (y * w + x) * 3;
                rgb[q] = buf.get(p + 2);
                rgb[q + 1] = buf.get(p + 1);
                rgb[q + 2] = buf.get(p);
            }
        }
        return new RgbFrame(w, h, rgb);
    }
}
