package org.sightline.indexer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.cases.CaseService;
import org.sightline.indexer.cases.ItemDraft;
import org.sightline.indexer.catalog.CatalogDatabase;
import org.sightline.indexer.signing.ExaminerKeyStore;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.perception.PackedDetector;
import org.sightline.models.perception.PerceptionManifest;
import org.sightline.models.perception.StarterPackShelf;
import org.sightline.models.perception.VerifiedPerceptionPack;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.perception.text.SceneTextReader;
import org.sightline.models.runtime.RuntimeOptions;
import org.sightline.models.testing.SharedData;

/**
 * Redacted disclosure copies planned by the starter perception packs, on real footage: people hidden where the
 * detector finds them and nothing else changed, a plate's text hidden, faces refused without a face detector, a
 * user's box that follows a moving car, and a reviewed plan exported exactly (a dropped box leaves its region as it
 * was).
 */
class DetectedRedactionTest {
    static ObjectDetector detector;
    static String detectorPack;
    static SceneTextReader text;
    static String textPack;

    @TempDir
    Path tmp;

    @BeforeAll
    static void openPacks() {
        StarterPackShelf shelf = StarterPackShelf.fromSystemProperty();
        assertTrue(shelf.location().isPresent(), "the starter packs are needed (system property sightline.starterPacks)");
        VerifiedPerceptionPack d = shelf.verifiedOfKind(PerceptionManifest.Kind.DETECTOR).orElseThrow(
                () -> new AssertionError("no detector starter pack in " + shelf.location().get() + ": build the models module"));
        VerifiedPerceptionPack t = shelf.verifiedOfKind(PerceptionManifest.Kind.TEXT).orElseThrow(
                () -> new AssertionError("no text starter pack in " + shelf.location().get() + ": build the models module"));
        detector = PackedDetector.open(d, RuntimeOptions.defaults());
        detectorPack = d.name() + " " + d.manifest().version() + " (manifest sha256 " + d.manifestSha256() + ")";
        text = SceneTextReader.open(t, RuntimeOptions.defaults());
        textPack = t.name();
    }

    @AfterAll
    static void closePacks() {
        if (detector != null) {
            detector.close();
        }
        if (text != null) {
            text.close();
        }
    }

    private static RedactionDetectors packs() {
        // closed in closePacks, not by the planner's user
        return new RedactionDetectors(detector, detectorPack, null, null, text, textPack);
    }

    private record Fixture(CaseService cases, AuditLog audit, EvidenceExporter exporter, Case theCase) {
    }

    private Fixture fixture(Path video, double in, double out) throws Exception {
        CatalogDatabase db = CatalogDatabase.open(tmp.resolve("catalog.sqlite"));
        AuditLog audit = new AuditLog(db);
        CaseService cases = new CaseService(db, audit);
        Case c = cases.create("Disclosure", "DIS-2", "J. Examiner", null);
        cases.addItem(c.id(), ItemDraft.span(video, in, out).withSha256(Sha256.of(video)).withHit((in + out) / 2));
        EvidenceExporter exporter = new EvidenceExporter(cases, audit, KnownPaths.none(),
                new ExaminerKeyStore(tmp.resolve("keys"), audit), RecordingTimes.unknown());
        return new Fixture(cases, audit, exporter, c);
    }

    @Test
    void peopleAreHiddenWhereTheDetectorFindsThemAndNothingElseChanges() throws Exception {
        Path indoor = SharedData.footage("indoor-people-one-by-one.mp4");
        String sha = Sha256.of(indoor);
        Fixture f = fixture(indoor, 8.0, 9.0); // a person reads at the table (~5-15 s)
        Path pkg = tmp.resolve("pkg");
        RedactionPlanner planner = new RedactionPlanner(EnumSet.of(RedactTarget.PEOPLE), Redaction.Method.BLOCK,
                List.of(), List.of(), packs(), 0);
        ExportResult r = f.exporter().export(f.theCase().id(), pkg, new ExportOptions(null, Redaction.NONE, planner, false),
                ExportProgress.NONE, () -> false);

        ExportManifest.Item item = r.manifest().items().getFirst();
        ExportManifest.FileEntry clip = file(r.manifest(), item.clip());
        ExportManifest.Redacted red = clip.redaction();
        assertEquals(List.of("people"), red.targets());
        assertEquals(List.of(detectorPack), red.detectorPacks());
        assertEquals("not reviewed", red.review());
        assertEquals(sha, clip.derivedFrom().sourceSha256());
        RedactionPlan plan = RedactionPlan.read(pkg.resolve(red.plan()));
        assertEquals(red.planSha256(), Sha256.of(pkg.resolve(red.plan())));
        assertEquals(item.clipFrames(), plan.spans().size(), "one span per frame of the clip");
        for (RedactionPlan.Span s : plan.spans()) {
            assertTrue(s.boxes().stream().anyMatch(b -> b.label().equals("person")), "a person box at " + s.from());
        }
        assertEquals(sha, Sha256.of(pkg.resolve(item.original())), "the original in the package is untouched");
        assertEquals(sha, Sha256.of(indoor), "the source is untouched");
        assertTrue(new ExportVerifier().verify(pkg).ok());
        double[] d = compareWithPlan(pkg.resolve(item.clip()), indoor, plan, 10);
        assertTrue(d[0] > 25, "inside the person boxes the copy differs from the original by a margin: " + d[0]);
        assertTrue(d[1] < 6, "outside the boxes it matches the original within codec tolerance: " + d[1]);
        assertTrue(f.audit().entriesForCase(f.theCase().id()).stream().anyMatch(e -> e.action().equals("redaction")
                && e.details().contains("\"stage\":\"export\"") && e.details().contains("people")),
                "the redaction decision is audited");
    }

    @Test
    void aPlatesTextIsHidden() throws Exception {
        Path clipFile = plateClip(tmp.resolve("plate.mp4"));
        Fixture f = fixture(clipFile, 0.0, 1.0);
        Path pkg = tmp.resolve("pkg");
        RedactionPlanner planner = new RedactionPlanner(EnumSet.of(RedactTarget.PLATES), Redaction.Method.BLUR,
                List.of(), List.of(), packs(), 0);
        ExportResult r = f.exporter().export(f.theCase().id(), pkg, new ExportOptions(null, Redaction.NONE, planner, false),
                ExportProgress.NONE, () -> false);
        ExportManifest.Item item = r.manifest().items().getFirst();
        RedactionPlan plan = RedactionPlan.read(pkg.resolve(file(r.manifest(), item.clip()).redaction().plan()));
        // the plate's text (drawn at 250-390 x 212-248 of 640x360) is inside a text box in every frame
        for (RedactionPlan.Span s : plan.spans()) {
            assertTrue(s.boxes().stream().anyMatch(b -> b.label().equals("text") && b.x() * 640 <= 255
                    && (b.x() + b.width()) * 640 >= 385 && b.y() * 360 <= 215 && (b.y() + b.height()) * 360 >= 245),
                    "the plate text is boxed at " + s.from() + ": " + s.boxes());
        }
        double[] d = compareRegion(pkg.resolve(item.clip()), clipFile, 0, new int[] {250, 212, 390, 248},
                new int[] {0, 0, 160, 100});
        assertTrue(d[0] > 15, "the plate's text is changed: " + d[0]);
        assertTrue(d[1] < 6, "a corner far from it is not: " + d[1]);
    }

    @Test
    void platesCanBeLimitedToTextOnVehicles() throws Exception {
        // a real frame of the white car in parking-aisle-cars.mp4, with a plate drawn on the car and a sign on the ground
        Path clipFile = carWithPlateAndSign(tmp.resolve("car-plate-sign.mp4"));
        String sha = Sha256.of(clipFile);
        RedactionPlan all = new RedactionPlanner(EnumSet.of(RedactTarget.PLATES), Redaction.Method.BLOCK, List.of(),
                List.of(), packs(), 0.2).plan("T", 1, 1, sha, clipFile, 0.0, 0.5, () -> false);
        RedactionPlan onVehicles = new RedactionPlanner(EnumSet.of(RedactTarget.PLATES), Redaction.Method.BLOCK, List.of(),
                List.of(), packs(), 0.2, true).plan("T", 1, 1, sha, clipFile, 0.0, 0.5, () -> false);
        List<PlannedBox> allText = all.spans().getFirst().boxes();
        List<PlannedBox> vehicleText = onVehicles.spans().getFirst().boxes();
        assertTrue(allText.stream().anyMatch(b -> b.y() < 0.2), "the sign is text: " + allText);
        assertTrue(allText.stream().anyMatch(b -> b.y() > 0.2), "the plate is text: " + allText);
        assertTrue(vehicleText.stream().noneMatch(b -> b.y() < 0.2), "the sign is off the car: " + vehicleText);
        assertTrue(vehicleText.stream().anyMatch(b -> b.y() > 0.2), "the plate is on it: " + vehicleText
                + "; all text " + allText);
        assertEquals(List.of("plates-on-vehicles"), onVehicles.targets());
        assertEquals(List.of(detectorPack, textPack), onVehicles.detectorPacks());
    }

    /**
     * 5 frames at 10 fps of the frame of parking-aisle-cars.mp4 (4.5-5.7 s) where the detector is surest of the white
     * car, with "KX19 ORB" drawn on the car and "CAR PARK" on the ground beside it.
     */
    static Path carWithPlateAndSign(Path target) throws Exception {
        BufferedImage frame = null;
        org.sightline.models.perception.detect.NormalisedBox car = null;
        float best = 0;
        try (FFmpegFrameGrabber g = grabber(SharedData.footage("parking-aisle-cars.mp4"));
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            Frame f = seek(g, 4.5);
            while (f != null && g.getTimestamp() < 5_700_000) {
                for (var d : detector.detect(RedactionPlanner.rgb(f))) {
                    if (d.label().equals("car") && d.score() > best) {
                        best = d.score();
                        car = d.box();
                        BufferedImage decoded = converter.convert(f);
                        frame = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
                        frame.createGraphics().drawImage(decoded, 0, 0, null);
                    }
                }
                f = g.grabImage();
            }
        }
        assertTrue(frame != null, "the detector finds the white car in parking-aisle-cars.mp4 at 4.5-5.7 s");
        int w = frame.getWidth();
        int h = frame.getHeight();
        int px = Math.round(car.centreX() * w) - 70;
        int py = Math.round((car.y1() + car.height() * 0.7f) * h) - 18;
        int sx = car.x1() * w > 220 ? 20 : Math.min(w - 190, Math.round(car.x2() * w) + 20);
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
        g.setColor(new Color(245, 245, 240));
        g.fillRect(px, py, 140, 36);
        g.fillRect(sx, 20, 170, 40);
        g.setColor(Color.BLACK);
        g.drawString("KX19 ORB", px + 7, py + 27);
        g.drawString("CAR PARK", sx + 15, 49);
        g.dispose();
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(target.toString(), frame.getWidth(), frame.getHeight(), 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            rec.setFormat("mp4");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setVideoQuality(2);
            rec.setFrameRate(10);
            rec.start();
            for (int i = 0; i < 5; i++) {
                rec.record(converter.convert(frame));
            }
            rec.stop();
        }
        return target;
    }

    @Test
    void everyFrameIsCoveredWhereTimeStampsAreNotIncreasing() throws Exception {
        // this recording's time stamps are not strictly increasing: no frame may fall between the plan's spans
        Path street = SharedData.footage("residential-street-vehicles.mp4");
        RedactionRegion corner = new RedactionRegion(0.0, 0.0, 0.25, 0.25);
        RedactionPlan plan = new RedactionPlanner(EnumSet.of(RedactTarget.REGIONS), Redaction.Method.BLOCK, List.of(corner),
                List.of(), RedactionDetectors.NONE, 0).plan("T", 1, 1, "x", street, 0.0, 10.0, () -> false);
        for (int i = 1; i < plan.spans().size(); i++) {
            assertTrue(plan.spans().get(i - 1).to() <= plan.spans().get(i).from() + 1e-12
                    && plan.spans().get(i).from() < plan.spans().get(i).to(), "spans are ordered and apart at " + i);
        }
        int frames = 0;
        try (FFmpegFrameGrabber g = grabber(street)) {
            Frame f;
            while ((f = g.grabImage()) != null && g.getTimestamp() < 10_000_000) {
                double t = g.getTimestamp() / 1e6;
                assertTrue(plan.boxesAt(t).stream().anyMatch(b -> b.label().equals("region")), "frame at " + t + " is covered");
                frames++;
                assertTrue(f.imageWidth > 0);
            }
        }
        assertTrue(frames > 200, "frames checked: " + frames);
    }

    @Test
    void facesAreHiddenByTheFaceStarterPack() throws Exception {
        // labelled (models/src/test/resources/perception/labelled-faces.json): at 76 s a man walks to the table, his
        // face in profile centred at (0.53, 0.22) of the picture
        StarterPackShelf shelf = StarterPackShelf.fromSystemProperty();
        VerifiedPerceptionPack faces = shelf.verifiedDetectorWithClass("face").orElseThrow(
                () -> new AssertionError("no detector starter pack with a face class: build the models module"));
        Path indoor = SharedData.footage("indoor-people-one-by-one.mp4");
        try (ObjectDetector faceDetector = PackedDetector.open(faces, RuntimeOptions.defaults())) {
            RedactionDetectors withFaces = new RedactionDetectors(detector, detectorPack, faceDetector, faces.name(), text, textPack);
            RedactionPlanner planner = new RedactionPlanner(EnumSet.of(RedactTarget.FACES), Redaction.Method.BLUR,
                    List.of(), List.of(), withFaces, 0);
            RedactionPlan plan = planner.plan("F", 1, 1, Sha256.of(indoor), indoor, 75.8, 76.2, () -> false);
            assertFalse(plan.spans().isEmpty());
            for (RedactionPlan.Span s : plan.spans()) {
                assertTrue(s.boxes().stream().anyMatch(b -> b.label().equals("face") && b.x() <= 0.53 && b.x() + b.width() >= 0.53
                        && b.y() <= 0.22 && b.y() + b.height() >= 0.22), "the labelled face is covered at " + s.from() + ": " + s.boxes());
            }
        }
    }

    @Test
    void facesAreRefusedWithoutAFaceDetector() throws Exception {
        ExportException e = assertThrows(ExportException.class, () -> new RedactionPlanner(
                EnumSet.of(RedactTarget.FACES, RedactTarget.PEOPLE), Redaction.Method.BLOCK, List.of(), List.of(), packs(), 0));
        assertEquals(ExportException.Reason.REDACTION_UNAVAILABLE, e.reason());
        assertTrue(e.getMessage().contains("no installed detector pack has a class named \"face\"")
                && e.getMessage().contains("install a face detector pack"), e.getMessage());
        ExportException plates = assertThrows(ExportException.class, () -> new RedactionPlanner(
                Set.of(RedactTarget.PLATES), Redaction.Method.BLOCK, List.of(), List.of(), RedactionDetectors.NONE, 0));
        assertTrue(plates.getMessage().contains("sightline-text-ppocrv4"), plates.getMessage());
    }

    @Test
    void aTrackedBoxFollowsAMovingCar() throws Exception {
        Path aisle = SharedData.footage("parking-aisle-cars.mp4");
        // the white car drives up the aisle at ~4.7-5.5 s: take its box at the start, as a user would draw it
        RedactionPlanner finder = new RedactionPlanner(EnumSet.of(RedactTarget.VEHICLES), Redaction.Method.BLOCK,
                List.of(), List.of(), packs(), 0.1);
        RedactionPlan found = finder.plan("T", 1, 1, Sha256.of(aisle), aisle, 4.5, 5.7, () -> false);
        List<RedactionPlan.Span> spans = found.spans();
        int first = 0;
        while (first < spans.size() && !hasVehicle(spans.get(first).boxes())) {
            first++;
        }
        int lastSeen = spans.size() - 1;
        while (lastSeen > first && !hasVehicle(spans.get(lastSeen).boxes())) {
            lastSeen--;
        }
        assertTrue(lastSeen - first >= 6, "the car is seen over several frames: " + first + " to " + lastSeen);
        PlannedBox start = largestVehicle(spans.get(first).boxes());
        PlannedBox end = largestVehicle(spans.get(lastSeen).boxes());
        double moved = Math.hypot(end.x() - start.x(), end.y() - start.y());
        assertTrue(moved > 0.05, "the car moves in this span: " + start + " to " + end);

        RedactionRegion drawn = new RedactionRegion(start.x(), start.y(), start.width(), start.height());
        double drawnAt = (spans.get(first).from() + spans.get(first).to()) / 2 - (spans.get(0).from() + spans.get(0).to()) / 2;
        RedactionPlanner tracker = new RedactionPlanner(EnumSet.of(RedactTarget.REGIONS), Redaction.Method.BLOCK,
                List.of(), List.of(new TrackedBoxRequest(null, drawnAt, drawn)), RedactionDetectors.NONE, 0);
        RedactionPlan tracked = tracker.plan("T", 1, 1, Sha256.of(aisle), aisle, 4.5, 5.7, () -> false);
        PlannedBox last = tracked.spans().get(lastSeen).boxes().getFirst();
        assertEquals(PlannedBox.Source.TRACKED, last.source(), "the car is followed: " + tracked.notes());
        assertTrue(last.iou(end) > 0.3, "the tracked box ends on the car: " + last + " vs detector " + end);
        assertTrue(last.iou(new PlannedBox(drawn.x(), drawn.y(), drawn.width(), drawn.height(), PlannedBox.Source.MANUAL, ""))
                < last.iou(end), "and not where it was drawn");
    }

    @Test
    void aReviewedPlanIsExportedExactlyAndADroppedBoxLeavesItsRegionAsItWas() throws Exception {
        Path indoor = SharedData.footage("indoor-people-one-by-one.mp4");
        Fixture f = fixture(indoor, 30.0, 30.6);
        RedactionRegion corner = new RedactionRegion(0.0, 0.0, 0.2, 0.2);
        RedactionPlanner planner = new RedactionPlanner(EnumSet.of(RedactTarget.PEOPLE, RedactTarget.REGIONS),
                Redaction.Method.BLOCK, List.of(corner), List.of(), packs(), 0);
        Path review = tmp.resolve("review");
        List<RedactionReview.Written> written = f.exporter().reviewRedactions(f.theCase().id(), planner, review, () -> false);
        assertEquals(1, written.size());
        assertTrue(Files.size(written.getFirst().sheet()) > 10_000, "a contact sheet is drawn");
        RedactionPlan plan = RedactionPlan.read(written.getFirst().plan());
        assertTrue(plan.spans().stream().allMatch(s -> s.boxes().stream().anyMatch(b -> b.label().equals("region"))));
        // the reviewer drops the corner box from every frame
        List<RedactionPlan.Span> edited = new ArrayList<>();
        for (RedactionPlan.Span s : plan.spans()) {
            edited.add(new RedactionPlan.Span(s.from(), s.to(), s.boxes().stream().filter(b -> !b.label().equals("region")).toList()));
        }
        plan.withSpans(edited).write(written.getFirst().plan());

        Path pkg = tmp.resolve("pkg");
        ExportResult r = f.exporter().export(f.theCase().id(), pkg,
                new ExportOptions(null, Redaction.NONE, new ReviewedPlans(review), true), ExportProgress.NONE, () -> false);
        ExportManifest.Item item = r.manifest().items().getFirst();
        ExportManifest.FileEntry clip = file(r.manifest(), item.clip());
        assertEquals("reviewed", clip.redaction().review());
        assertNull(item.original(), "a disclosure copy leaves the originals out");
        assertFalse(Files.exists(pkg.resolve(ExportManifest.ORIGINALS)));
        assertTrue(r.manifest().files().stream().noneMatch(x -> x.role().equals(ExportManifest.ROLE_ORIGINAL)));
        assertEquals(indoor.getFileName(), Path.of(clip.derivedFrom().sourceFile()).getFileName(),
                "the clip names its source where it was read");
        assertEquals(Sha256.of(indoor), clip.derivedFrom().sourceSha256());
        assertTrue(new ExportVerifier().verify(pkg).ok());
        double[] d = compareRegion(pkg.resolve(item.clip()), indoor, plan.spans().getFirst().from(), corner.pixels(768, 432), new int[] {0, 0, 1, 1});
        assertTrue(d[0] < 6, "the dropped box's region is as in the original: " + d[0]);
        double[] people = compareWithPlan(pkg.resolve(item.clip()), indoor, plan.withSpans(edited), 6);
        assertTrue(people[0] > 25, "the person is still hidden: " + people[0]);
        assertTrue(f.audit().entriesForCase(f.theCase().id()).stream().anyMatch(e -> e.action().equals("redaction")
                && e.details().contains("\"stage\":\"review\"")), "the review is audited");
        assertTrue(f.audit().entriesForCase(f.theCase().id()).stream().anyMatch(e -> e.action().equals("redaction")
                && e.details().contains("\"reviewed\":true")), "the export of the reviewed plan is audited");

        // a plan made for another span is refused, naming the file
        f.cases().addItem(f.theCase().id(), ItemDraft.span(indoor, 31.0, 31.4).withSha256(Sha256.of(indoor)).withHit(31.2));
        Files.copy(review.resolve(RedactionPlan.fileName(1)), review.resolve(RedactionPlan.fileName(2)));
        ExportException e = assertThrows(ExportException.class, () -> f.exporter().export(f.theCase().id(),
                tmp.resolve("pkg2"), new ExportOptions(null, Redaction.NONE, new ReviewedPlans(review), false),
                ExportProgress.NONE, () -> false));
        assertTrue(e.getMessage().contains(RedactionPlan.fileName(2)) && e.getMessage().contains("review it again"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("pkg2")));
    }

    private static boolean hasVehicle(List<PlannedBox> boxes) {
        return boxes.stream().anyMatch(b -> RedactTarget.VEHICLES.detectorClasses().contains(b.label()));
    }

    private static PlannedBox largestVehicle(List<PlannedBox> boxes) {
        return boxes.stream().filter(b -> RedactTarget.VEHICLES.detectorClasses().contains(b.label()))
                .max(java.util.Comparator.comparingDouble(b -> b.width() * b.height()))
                .orElseThrow(() -> new AssertionError("no vehicle found in " + boxes));
    }

    private static ExportManifest.FileEntry file(ExportManifest m, String path) {
        return m.files().stream().filter(x -> x.path().equals(path)).findFirst().orElseThrow();
    }

    /** A 640x360 clip, 1 s at 10 fps, of a car's rear with a white number plate reading "KX19 ORB". */
    static Path plateClip(Path target) throws Exception {
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(target.toString(), 640, 360, 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            rec.setFormat("mp4");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setVideoQuality(2);
            rec.setFrameRate(10);
            rec.start();
            for (int i = 0; i < 10; i++) {
                BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = img.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(new Color(70 + i % 3, 80, 90));
                g.fillRect(0, 0, 640, 360);
                g.setColor(new Color(150, 20, 30));
                g.fillRect(140, 120, 360, 200);
                g.setColor(new Color(245, 245, 240));
                g.fillRect(235, 205, 170, 50);
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
                g.drawString("KX19 ORB", 250, 243);
                g.dispose();
                rec.record(converter.convert(img));
            }
            rec.stop();
        }
        return target;
    }

    /**
     * Mean |difference| between the copy and the original (same frame times) inside the plan's boxes (shrunk by 4
     * pixels) and outside all of them (grown by 6 pixels), over the first {@code frames} frames.
     */
    static double[] compareWithPlan(Path copy, Path original, RedactionPlan plan, int frames) throws Exception {
        double in = 0;
        double out = 0;
        long nIn = 0;
        long nOut = 0;
        try (FFmpegFrameGrabber c = grabber(copy); FFmpegFrameGrabber o = grabber(original)) {
            Frame of = seek(o, plan.spans().getFirst().from());
            for (int k = 0; k < frames && of != null; k++) {
                Frame cf = c.grabImage();
                double t = o.getTimestamp() / 1e6;
                List<int[]> boxes = plan.boxesAt(t).stream().map(b -> b.pixels(cf.imageWidth, cf.imageHeight)).toList();
                ByteBuffer a = (ByteBuffer) cf.image[0];
                ByteBuffer b = (ByteBuffer) of.image[0];
                for (int y = 0; y < cf.imageHeight; y += 2) {
                    for (int x = 0; x < cf.imageWidth; x += 2) {
                        boolean inside = false;
                        boolean near = false;
                        for (int[] p : boxes) {
                            inside |= x >= p[0] + 4 && x < p[2] - 4 && y >= p[1] + 4 && y < p[3] - 4;
                            near |= x >= p[0] - 6 && x < p[2] + 6 && y >= p[1] - 6 && y < p[3] + 6;
                        }
                        double diff = 0;
                        for (int ch = 0; ch < 3; ch++) {
                            diff += Math.abs((a.get(y * cf.imageStride + x * 3 + ch) & 0xff) - (b.get(y * of.imageStride + x * 3 + ch) & 0xff));
                        }
                        if (inside) {
                            in += diff / 3;
                            nIn++;
                        } else if (!near) {
                            out += diff / 3;
                            nOut++;
                        }
                    }
                }
                of = o.grabImage();
            }
        }
        return new double[] {nIn == 0 ? 0 : in / nIn, nOut == 0 ? 0 : out / nOut};
    }

    /** Mean |difference| between the copy's first frames and the original's (from {@code startSeconds}) inside two pixel rectangles. */
    static double[] compareRegion(Path copy, Path original, double startSeconds, int[] first, int[] second) throws Exception {
        double[] sum = new double[2];
        long[] n = new long[2];
        try (FFmpegFrameGrabber c = grabber(copy); FFmpegFrameGrabber o = grabber(original)) {
            Frame cf = c.grabImage();
            Frame of = seek(o, startSeconds);
            int frames = 0;
            while (cf != null && of != null && frames < 5) {
                ByteBuffer a = (ByteBuffer) cf.image[0];
                ByteBuffer b = (ByteBuffer) of.image[0];
                int[][] rects = {first, second};
                for (int r = 0; r < 2; r++) {
                    int[] p = rects[r];
                    for (int y = p[1]; y < p[3]; y++) {
                        for (int x = p[0]; x < p[2]; x++) {
                            for (int ch = 0; ch < 3; ch++) {
                                sum[r] += Math.abs((a.get(y * cf.imageStride + x * 3 + ch) & 0xff) - (b.get(y * of.imageStride + x * 3 + ch) & 0xff));
                                n[r]++;
                            }
                        }
                    }
                }
                frames++;
                cf = c.grabImage();
                of = o.grabImage();
            }
        }
        return new double[] {sum[0] / Math.max(1, n[0]), sum[1] / Math.max(1, n[1])};
    }

    private static FFmpegFrameGrabber grabber(Path p) throws Exception {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(p.toFile());
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        g.start();
        return g;
    }

    /** The original's first frame at or after {@code seconds}. */
    private static Frame seek(FFmpegFrameGrabber o, double seconds) throws Exception {
        long target = Math.round(seconds * 1e6);
        if (target > 0) {
            o.setTimestamp(target);
        }
        Frame f;
        while ((f = o.grabImage()) != null && o.getTimestamp() < target) {
            // skip to the span's first frame
        }
        return f;
    }
}
