package org.sightline.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.catalog.CatalogDatabase;
import org.sightline.indexer.ingest.FileOutcome;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.perception.ObjectQuery;
import org.sightline.models.generate.StandInDetectors;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.perception.DetectorStarterPack;
import org.sightline.models.perception.PackedDetector;
import org.sightline.models.perception.PerceptionManifest;
import org.sightline.models.perception.install.PerceptionPacks;
import org.sightline.models.perception.StarterPackShelf;
import org.sightline.models.testing.SharedData;

/**
 * A user's own detector packs, end to end through the command line: a renamed copy of the NanoDet starter pack (folder
 * and zip) is imported, listed, verified, chosen with {@code models use} and indexes real footage (the catalog says
 * it found the people); a tampered pack and a bare ONNX whose outputs the decoding cannot read are refused; the
 * NanoDet model imported as a bare ONNX with {@code --decoding nanodet --classes coco} runs exactly as the starter pack.
 */
class UserPerceptionPackTest {
    @TempDir
    static Path tmp;
    private static Path starterShelf;

    @BeforeAll
    static void shelf() {
        starterShelf = StarterPackShelf.fromSystemProperty().location().orElseThrow(() -> new IllegalStateException(
                "the starter packs are not configured (-Dsightline.starterPacks): build with ./mvnw (models process-classes makes them)"));
        assertTrue(Files.isDirectory(starterShelf.resolve(DetectorStarterPack.NANODET_NAME)),
                "the NanoDet starter pack is missing from " + starterShelf + ": build the models module without -Dsightline.skipStarterPacks");
    }

    /** A copy of a starter pack under another name (the manifest's name and the folder), as a user would bring it. */
    static Path userCopy(String starter, String name, Path parent) throws IOException {
        Path to = parent.resolve(name);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(starterShelf.resolve(starter))) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        }
        Path manifest = to.resolve(PerceptionManifest.FILE_NAME);
        Files.write(manifest, PerceptionManifest.parse(Files.readAllBytes(manifest)).withName(name).toJson());
        return to;
    }

    private static ModelsCommandTest.Run run(String... args) {
        return ModelsCommandTest.run(args);
    }

    @Test
    void aUserCopyOfNanodetIsImportedListedVerifiedChosenAndIndexesFootage() throws Exception {
        Path data = tmp.resolve("data-index");
        String d = data.toString();
        Path pack = userCopy(DetectorStarterPack.NANODET_NAME, "my-nanodet", tmp.resolve("usb"));

        var imported = run("models", "import", "--data", d, pack.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("Installed: perception pack my-nanodet 1.0 (detector, 80 classes)"), imported.out());
        assertTrue(Files.isDirectory(data.resolve("perception").resolve("my-nanodet")), "installed beside the model packs");

        var list = run("models", "list", "--data", d);
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().matches("(?s).*my-nanodet +1\\.0 +perception: detector +verified.*"), list.out());
        assertTrue(list.out().contains("80 classes, licence: Apache-2.0"), list.out());
        assertTrue(list.out().contains("Indexing detector: " + DetectorStarterPack.NAME + " (built-in default)"), list.out());

        var verify = run("models", "verify", "--data", d, "my-nanodet");
        assertEquals(0, verify.exit(), verify.err());
        assertTrue(verify.out().startsWith("OK      my-nanodet 1.0 (perception pack, detector"), verify.out());

        var use = run("models", "use", "--data", d, "my-nanodet");
        assertEquals(0, use.exit(), use.err());
        assertTrue(use.out().contains("Indexing detector: my-nanodet 1.0"), use.out());
        assertTrue(run("models", "list", "--data", d, "--no-verify").out()
                .contains("Indexing detector: my-nanodet (chosen with `sightline models use`)"));

        AuditLog audit = new AuditLog(CatalogDatabase.open(new DataDirectory(data).catalogFile()));
        assertTrue(audit.entries().stream().anyMatch(e -> e.action().equals("perception-import") && e.details().contains("\"pack\":\"my-nanodet\"")
                && e.details().contains("\"classes\":80") && e.details().contains(pack.toString())), audit.entries().toString());

        assertEquals(0, run("models", "demo", "--data", d).exit());
        CliRun status = CliRun.of("status", "--data", d);
        assertTrue(status.out().contains("Detector        my-nanodet (chosen with `sightline models use`)"), status.out());
        Path video = SharedData.footage("indoor-people-one-by-one.mp4");
        try (Workspace w = Workspace.open(new DataDirectory(data))) {
            w.ingest(IngestRequest.of(List.of(video)), IngestListener.NONE, () -> false);
            long id = w.library().videoByPath(video).orElseThrow().id();
            String packs = w.library().perceptionPacks(id).orElseThrow();
            assertTrue(packs.startsWith("my-nanodet 1.0 (manifest sha256 "), "the detections say which pack made them: " + packs);
            assertFalse(packs.contains(DetectorStarterPack.NAME), packs);
            var people = w.library().spans(ObjectQuery.of("person"));
            assertTrue(people.stream().anyMatch(s -> s.videoId() == id), "the user's detector found the people: " + people);
            var found = w.explainedSearch(new org.sightline.indexer.search.ExplainedQuery(
                    org.sightline.indexer.search.SearchQuery.prompt("a person").withLimit(50), List.of(), 0.5, 0));
            assertTrue(found.clips().stream().anyMatch(c -> c.clip().videoId() == id
                    && c.objects().stream().anyMatch(o -> o.label().equals("person"))), "search person finds people");
            var again = w.ingest(IngestRequest.of(List.of(video)), IngestListener.NONE, () -> false);
            assertEquals(List.of(FileOutcome.Status.UNCHANGED), again.outcomes().stream().map(FileOutcome::status).toList(),
                    "the same packs: nothing to do");
        }
        // another detector chosen: the next plain index examines the file again with it
        assertEquals(0, run("models", "use", "--data", d, DetectorStarterPack.NAME).exit());
        try (Workspace w = Workspace.open(new DataDirectory(data))) {
            var report = w.ingest(IngestRequest.of(List.of(video)), IngestListener.NONE, () -> false);
            assertEquals(List.of(FileOutcome.Status.INDEXED), report.outcomes().stream().map(FileOutcome::status).toList());
            long id = w.library().videoByPath(video).orElseThrow().id();
            assertTrue(w.library().perceptionPacks(id).orElseThrow().startsWith(DetectorStarterPack.NAME + " 1.0"),
                    w.library().perceptionPacks(id).orElseThrow());
        }
    }

    @Test
    void aZipOfAPackImports() throws Exception {
        Path pack = userCopy(DetectorStarterPack.NANODET_NAME, "zipped-nanodet", tmp.resolve("zip-src"));
        Path zip = tmp.resolve("zipped-nanodet.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> files = Files.list(pack)) {
            for (Path f : files.sorted().toList()) {
                z.putNextEntry(new ZipEntry("zipped-nanodet/" + f.getFileName()));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        String d = tmp.resolve("data-zip").toString();
        var imported = run("models", "import", "--data", d, zip.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("Installed: perception pack zipped-nanodet 1.0"), imported.out());
        var verifyAll = run("models", "verify", "--data", d);
        assertEquals(0, verifyAll.exit(), verifyAll.err());
        assertTrue(verifyAll.out().contains("OK      zipped-nanodet 1.0 (perception pack"), verifyAll.out());
        // the same pack as a .tar (files at its top): the identical pack is left as it is
        Path tar = tmp.resolve("zipped-nanodet.tar");
        try (OutputStream out = Files.newOutputStream(tar); TarArchiveOutputStream t = new TarArchiveOutputStream(out);
             Stream<Path> files = Files.list(pack)) {
            for (Path f : files.sorted().toList()) {
                t.putArchiveEntry(new TarArchiveEntry(f.toFile(), f.getFileName().toString()));
                Files.copy(f, t);
                t.closeArchiveEntry();
            }
        }
        var again = run("models", "import", "--data", d, tar.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("Already installed: perception pack zipped-nanodet"), again.out());
    }

    @Test
    void aPackWithATamperedFileIsRefusedAndNothingIsInstalled() throws Exception {
        Path pack = userCopy(DetectorStarterPack.NANODET_NAME, "tampered-nanodet", tmp.resolve("tamper-src"));
        Path model = pack.resolve(DetectorStarterPack.NANODET_MODEL_FILE);
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 1;
        Files.write(model, bytes);
        Path data = tmp.resolve("data-tampered");
        var imported = run("models", "import", "--data", data.toString(), pack.toString());
        assertEquals(1, imported.exit(), imported.out());
        assertTrue(imported.err().contains(DetectorStarterPack.NANODET_MODEL_FILE) && imported.err().contains("SHA-256"), imported.err());
        assertFalse(Files.exists(data.resolve("perception").resolve("tampered-nanodet")));
    }

    @Test
    void aStarterPacksNameIsNotTakenByADifferentPack() throws Exception {
        Path pack = userCopy(DetectorStarterPack.NANODET_NAME, DetectorStarterPack.NAME, tmp.resolve("clash-src"));
        var imported = run("models", "import", "--data", tmp.resolve("data-clash").toString(), pack.toString());
        assertEquals(1, imported.exit(), imported.out());
        assertTrue(imported.err().contains("is the name of a built-in starter pack"), imported.err());
    }

    @Test
    void theBareNanodetOnnxWithItsFlagsRunsExactlyAsTheStarterPack() throws Exception {
        Path onnx = starterShelf.resolve(DetectorStarterPack.NANODET_NAME).resolve(DetectorStarterPack.NANODET_MODEL_FILE);
        String before = Sha256.ofRegularFile(onnx);
        Path data = tmp.resolve("data-bare");
        var imported = run("models", "import", "--data", data.toString(), onnx.toString(), "--decoding", "nanodet", "--classes", "coco",
                "--name", "bare-nanodet", "--use");
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("licence: user-supplied, not stated"), imported.out());
        assertTrue(imported.out().contains("source: user-supplied nanodet.onnx sha256 " + before), imported.out());
        assertTrue(imported.out().contains("Indexing detector: bare-nanodet 1.0"), imported.out());
        assertEquals(before, Sha256.ofRegularFile(onnx), "the source file is only read");

        PerceptionPacks packs = PerceptionPacks.in(data.resolve("perception"));
        var bare = packs.verify("bare-nanodet");
        assertEquals(PackedDetector.settings(packs.verify(DetectorStarterPack.NANODET_NAME)), PackedDetector.settings(bare),
                "input, size, layout, normalisation, outputs and classes as the starter pack's");
        assertEquals(before, bare.manifest().supplied().sha256());

        Path out = tmp.resolve("carry").resolve("bare-nanodet");
        var packed = run("models", "pack", onnx.toString(), "--decoding", "nanodet", "--classes", "coco", "--licence", "Apache-2.0",
                "--out", out.toString());
        assertEquals(0, packed.exit(), packed.err());
        assertTrue(packed.out().contains("input_1 416x416 nchw"), packed.out());
        assertTrue(Files.isRegularFile(out.resolve(PerceptionManifest.FILE_NAME)));
        assertEquals("Apache-2.0", PerceptionManifest.parse(Files.readAllBytes(out.resolve(PerceptionManifest.FILE_NAME))).licence());
    }

    @Test
    void aBareOnnxWhoseOutputsTheDecodingCannotReadIsRefusedNamingTheOutput() throws Exception {
        Path onnx = starterShelf.resolve(DetectorStarterPack.NANODET_NAME).resolve(DetectorStarterPack.NANODET_MODEL_FILE);
        Path data = tmp.resolve("data-bad-output");
        var imported = run("models", "import", "--data", data.toString(), onnx.toString(), "--decoding", "centernet",
                "--classes", "coco", "--outputs", "Identity,Identity_3", "--name", "wrong-decoding");
        assertEquals(1, imported.exit(), imported.out());
        assertTrue(imported.err().contains("nanodet.onnx") && imported.err().contains("output 'Identity [")
                && imported.err().contains("centernet heat map"), imported.err());
        assertFalse(Files.exists(data.resolve("perception").resolve("wrong-decoding")));

        var noFlags = run("models", "import", "--data", data.toString(), onnx.toString());
        assertEquals(2, noFlags.exit(), noFlags.out());
        assertTrue(noFlags.err().contains("give --decoding FAMILY and --classes"), noFlags.err());
    }

    @Test
    void aDetectorWithoutPersonIsNotChosenToIndexUnlessForced() throws Exception {
        Path onnx = starterShelf.resolve(DetectorStarterPack.NANODET_NAME).resolve(DetectorStarterPack.NANODET_MODEL_FILE);
        Path classes = tmp.resolve("animals.txt");
        Files.write(classes, java.util.stream.IntStream.range(0, 80).mapToObj(i -> "animal-" + i).toList());
        String d = tmp.resolve("data-animals").toString();
        assertEquals(0, run("models", "import", "--data", d, onnx.toString(), "--decoding", "nanodet", "--classes", classes.toString(),
                "--name", "animals").exit());
        var use = run("models", "use", "--data", d, "animals");
        assertEquals(1, use.exit(), use.out());
        assertTrue(use.err().contains("knows no 'person'") && use.err().contains("--force"), use.err());
        var forced = run("models", "use", "--data", d, "animals", "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(forced.out().contains("searches for people find nothing"), forced.out());
    }

    @Test
    void aBareYolov8StandInIsImportedChosenAndIndexesWithItsDecoding() throws Exception {
        // a stand-in in ultralytics' YOLOv8 export layout (images [1,3,640,640] -> output0 [1, 4+C, 8400]) that finds red things
        Path onnx = tmp.resolve("yolo-usb").resolve("yolov8-red.onnx");
        Files.createDirectories(onnx.getParent());
        Files.write(onnx, StandInDetectors.onnx(StandInDetectors.Layout.YOLOV8));
        Path classes = onnx.resolveSibling("classes.txt");
        Files.writeString(classes, StandInDetectors.CLASS_NAME + "\n");
        Path data = tmp.resolve("data-yolo");
        String d = data.toString();
        var imported = run("models", "import", "--data", d, onnx.toString(), "--decoding", "yolov8", "--classes", classes.toString(),
                "--name", "my-yolov8", "--use", "--force");
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("Installed: perception pack my-yolov8 1.0 (detector, 1 classes)"), imported.out());
        assertTrue(imported.out().contains("Indexing detector: my-yolov8 1.0") && imported.out().contains("searches for people find nothing"),
                imported.out());
        var entry = PerceptionPacks.in(data.resolve("perception")).verify("my-yolov8").manifest().models().getFirst();
        assertEquals(List.of("images", "output0", "640"), List.of(entry.input(), entry.outputs().getFirst(), String.valueOf(entry.image().width())));

        assertEquals(0, run("models", "demo", "--data", d).exit());
        // the seconds of parking-aisle-cars.mp4 where the red car drives through (16.8-18.8 s), so the first examined frame shows it
        Path video = excerpt(SharedData.footage("parking-aisle-cars.mp4"), 16.8, 18.8, tmp.resolve("red-car.mp4"));
        try (Workspace w = Workspace.open(new DataDirectory(data))) {
            w.ingest(IngestRequest.of(List.of(video)), IngestListener.NONE, () -> false);
            long id = w.library().videoByPath(video).orElseThrow().id();
            assertTrue(w.library().perceptionPacks(id).orElseThrow().startsWith("my-yolov8 1.0 (manifest sha256 "),
                    w.library().perceptionPacks(id).orElseThrow());
            var red = w.library().spans(ObjectQuery.of(StandInDetectors.CLASS_NAME));
            assertTrue(red.stream().anyMatch(s -> s.videoId() == id && s.startSeconds() <= 0.5),
                    "the red car is found by the user's YOLOv8-layout detector: " + red + " in "
                            + w.library().detections(id).stream().map(f -> f.offsetSeconds() + ": " + f.objects()).toList());
            assertTrue(w.library().spans(ObjectQuery.of("person")).isEmpty(), "it knows no person");
        }
    }

    /** The frames of {@code video} from {@code from} to {@code to} seconds, written to {@code target} (a test's own folder). */
    static Path excerpt(Path video, double from, double to, Path target) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.start();
            grabber.setTimestamp((long) (from * 1e6));
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toString(), grabber.getImageWidth(), grabber.getImageHeight(), 0)) {
                recorder.setFormat("mp4");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                recorder.setVideoQuality(2);
                recorder.setFrameRate(grabber.getFrameRate());
                recorder.start();
                Frame frame;
                while ((frame = grabber.grabImage()) != null && grabber.getTimestamp() <= to * 1e6) {
                    recorder.record(frame);
                }
                recorder.stop();
            }
            grabber.stop();
        }
        return target;
    }
}
