package org.sightline.indexer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.app.ActiveModelSource;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.app.WorkspaceStatus;
import org.sightline.indexer.cli.CliRun;
import org.sightline.indexer.footage.PathText;
import org.sightline.indexer.search.Clip;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.testing.ColourTestModel;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.testing.SharedData;

/**
 * File names that are not valid UTF-8 (Latin-1 bytes, as DVR exports and old NAS shares write them), created with raw
 * bytes by the shell, next to a normal file (issue 11, item 9): indexed and searchable like any other, shown as
 * {@code caf\xE9 cam 1.mp4} with a note, never opened for writing, and exported from the right file. And a failure
 * record is never taken over by the moved-file logic.
 */
class NonUtf8FileNamesTest {
    static final String LATIN1_NAME = "caf\\xE9 cam 1.mp4";

    @TempDir
    Path tmp;

    /** Copies {@code source} into {@code folder} under a name made of raw bytes ({@code printf} escapes), by the shell. */
    static Path copyWithRawName(Path source, Path folder, String printfName) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "cp \"$1\" \"$2/$(printf '" + printfName + "')\"", "copy", source.toString(),
                folder.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(f -> !PathText.isFaithful(f)).findFirst().orElseThrow();
        }
    }

    @Test
    void aLatin1NamedFileIsIndexedSearchedShownAndExportedFromItsOwnBytes() throws Exception {
        Path cam = Files.createDirectories(tmp.resolve("cam"));
        Path plain = Files.copy(SharedData.footage("street-montage-scene-cuts.mp4"), cam.resolve("plain.mp4"));
        Path latin1 = copyWithRawName(SharedData.footage("parking-aisle-cars.mp4"), cam, "caf\\351 cam 1.mp4");
        assertFalse(Files.exists(Path.of(latin1.toString())), "the name's text does not lead to the file: the situation is real");
        latin1.toFile().setReadOnly();
        String latin1Sha = Sha256.of(latin1);
        long modified = Files.getLastModifiedTime(latin1).toMillis();
        DataDirectory data = new DataDirectory(tmp.resolve("data"));

        try (Workspace w = Workspace.open(data, ActiveModelSource.of(new ColourTestModel()))) {
            IngestReport r = w.ingest(IngestRequest.of(List.of(cam)), null, null);
            assertEquals(2, r.outcomes().size(), r.outcomes().toString());
            for (FileOutcome o : r.outcomes()) {
                assertEquals(FileOutcome.Status.INDEXED, o.status(), o.toString());
            }
            assertTrue(w.status().failed().isEmpty(), w.status().failed().toString());
            List<Clip> clips = w.search().search(SearchQuery.prompt("blue").withLimit(50)).clips();
            assertTrue(clips.stream().anyMatch(c -> c.video().equals(latin1) && c.sha256().equals(latin1Sha)), clips.toString());

            IngestReport again = w.ingest(IngestRequest.of(List.of(cam)), null, null);
            assertTrue(again.outcomes().stream().allMatch(o -> o.status() == FileOutcome.Status.UNCHANGED), again.outcomes().toString());
        }
        assertEquals(latin1Sha, Sha256.of(latin1), "the original is unchanged");
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().startsWith("sightline-open-")).toList(),
                    "the private links FFmpeg opened the file through are removed");
        }
        assertEquals(modified, Files.getLastModifiedTime(latin1).toMillis());

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.catalogFile());
             ResultSet rs = c.createStatement().executeQuery("SELECT path FROM videos ORDER BY path")) {
            List<String> stored = new ArrayList<>();
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
            assertEquals(List.of(plain.toString(), "file://" + cam + "/caf%E9%20cam%201.mp4"), stored,
                    "a UTF-8 path is stored as plain text as before; the other as a reversible file: URI");
        }

        CliRun status = CliRun.of("status", "--data", data.root().toString(), "--json");
        assertEquals(0, status.exitCode(), status.err());
        assertEquals(latin1, PathText.fromShown(cam + "/" + LATIN1_NAME + PathText.NOT_UTF8_NOTE), "the shown form leads back");
        assertEquals(latin1, PathText.fromShown(cam + "/" + LATIN1_NAME));

        String d = data.root().toString();
        assertEquals(0, CliRun.of("case", "create", "--data", d, "--name", "Cafe", "--reference", "CF-1").exitCode());
        CliRun added = CliRun.of("case", "add", "CF-1", "--data", d, "--sha256", latin1Sha, "--in", "2", "--out", "4");
        assertEquals(0, added.exitCode(), added.err());
        assertTrue(added.out().contains(LATIN1_NAME + PathText.NOT_UTF8_NOTE), added.out());
        CliRun typed = CliRun.of("case", "add", "CF-1", "--data", d, "--video", cam + "/" + LATIN1_NAME, "--hit", "6");
        assertEquals(0, typed.exitCode(), typed.err());
        assertEquals(0, CliRun.of("case", "remove", "CF-1", "2", "--data", d).exitCode());
        CliRun shown = CliRun.of("case", "show", "CF-1", "--data", d, "--json");
        assertTrue(shown.out().contains(cam + "/caf\\\\xE9 cam 1.mp4"), shown.out());
        Path pkg = tmp.resolve("pkg");
        CliRun exported = CliRun.of("case", "export", "CF-1", "--data", d, "--out", pkg.toString(), "--quiet");
        assertEquals(0, exported.exitCode(), exported.err());
        try (Stream<Path> originals = Files.list(pkg.resolve("originals"))) {
            List<Path> copies = originals.toList();
            assertEquals(1, copies.size(), copies.toString());
            assertEquals(latin1Sha, Sha256.of(copies.getFirst()), "the copy holds the original bytes of the right file");
            assertTrue(PathText.isFaithful(copies.getFirst()), "the copy's name is plain: " + copies.getFirst());
        }
        String manifest = Files.readString(pkg.resolve("manifest.json"));
        assertTrue(manifest.contains("caf\\\\xE9 cam 1.mp4"), manifest);
        String report = Files.readString(pkg.resolve("report.html"));
        assertTrue(report.contains(LATIN1_NAME), "the report names the source readably");
        assertEquals(0, CliRun.of("verify", pkg.toString()).exitCode());
        assertEquals(0, CliRun.of("audit", "verify", "--data", d).exitCode());
    }

    @Test
    void aFailureRecordIsNeverTakenOverAsAMove() throws Exception {
        Path cam = Files.createDirectories(tmp.resolve("cam"));
        Path empty = Files.createFile(tmp.resolve("empty"));
        Path broken = copyWithRawName(empty, cam, "caf\\351 broken.mp4"); // an empty file: it fails, after hashing
        DataDirectory data = new DataDirectory(tmp.resolve("data"));
        try (Workspace w = Workspace.open(data, ActiveModelSource.of(new ColourTestModel()))) {
            w.ingest(IngestRequest.of(List.of(cam)), null, null);
            assertEquals(List.of(broken), failedPaths(w.status()));
            assertTrue(w.status().failed().getFirst().message().startsWith(cam + "/caf\\xE9 broken.mp4" + PathText.NOT_UTF8_NOTE),
                    w.status().failed().getFirst().message());

            Path renamed = Files.move(broken, cam.resolve("renamed.mp4"));
            IngestReport r = w.ingest(IngestRequest.of(List.of(cam)), null, null);
            assertEquals(FileOutcome.Status.FAILED, r.outcomes().getFirst().status(), r.outcomes().toString());
            assertEquals(List.of(broken, renamed), failedPaths(w.status()),
                    "the failure of the first name stays; renamed.mp4 has its own");
        }
        CliRun status = CliRun.of("status", "--data", data.root().toString());
        assertTrue(status.out().contains(cam + "/caf\\xE9 broken.mp4" + PathText.NOT_UTF8_NOTE), status.out());
    }

    @Test
    void storedFormsLeadBackToTheSameBytes() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("ünïcode ok"));
        Path plain = folder.resolve("café.mp4");
        assertEquals(plain.toString(), PathText.stored(plain));
        assertEquals(plain, PathText.fromStored(PathText.stored(plain)));
        assertEquals(plain.toString(), PathText.shown(plain));
        Path raw = Path.of(java.net.URI.create(folder.toUri() + "caf%E9%5Cx.mp4"));
        Files.createFile(raw);
        assertEquals(raw, PathText.fromStored(PathText.stored(raw)));
        assertTrue(Files.exists(PathText.fromStored(PathText.stored(raw))));
        assertEquals(folder + "/caf\\xE9\\\\x.mp4" + PathText.NOT_UTF8_NOTE, PathText.shown(raw), "a literal '\\' is doubled");
        assertEquals(raw, PathText.fromShown(PathText.shown(raw)), "the shown form leads back to the same bytes");
        assertEquals(plain, PathText.fromShown(plain.toString()));
    }

    private static List<Path> failedPaths(WorkspaceStatus status) {
        return status.failed().stream().map(WorkspaceStatus.FailedFile::path).sorted().toList();
    }
}
