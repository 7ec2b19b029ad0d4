package org.sightline.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.index.FrameThumbnail;
import org.sightline.indexer.index.VideoVectors;
import org.sightline.indexer.search.ArchiveSearchResult;
import org.sightline.indexer.search.ArchiveSearchResult.ArchiveFile;
import org.sightline.indexer.search.ArchiveSearchResult.LocalCopy;
import org.sightline.indexer.search.SearchQuery;

/** {@code search --archive --json}: every field of each file, and its still written under {@code --thumbnails DIR}. */
class ArchiveSearchJsonTest {
    @TempDir
    Path tmp;

    private static final String SHA_HERE = "a".repeat(64);
    private static final String SHA_SHARED = "b".repeat(64);
    private static final String SHA_AWAY = "c".repeat(64);

    private ArchiveSearchResult result(byte[] jpeg) {
        var here = new ArchiveFile(SHA_HERE, "cam-a", "ws-a", 1.5, 0.31f, 4, new VideoVectors.SourceFile("a.mp4", null, 10),
                Optional.of(tmp.resolve("a.mp4")), LocalCopy.INDEXED_HERE, Optional.empty());
        var shared = new ArchiveFile(SHA_SHARED, "cam-b", "ws-b", 7.25, 0.29f, 2,
                new VideoVectors.SourceFile("b.mp4", "cam-b/b.mp4", 20), Optional.of(tmp.resolve("nas/cam-b/b.mp4")),
                LocalCopy.SHARED_FOLDER, Optional.of(new FrameThumbnail(7.0, jpeg)));
        var away = new ArchiveFile(SHA_AWAY, "cam-c", "ws-c", 3, 0.2f, 1, new VideoVectors.SourceFile("c.mp4", "x/c.mp4", 30),
                Optional.empty(), LocalCopy.NOT_HERE, Optional.of(new FrameThumbnail(3.0, jpeg)));
        return new ArchiveSearchResult(SearchQuery.prompt("grey"), List.of(here, shared, away), "m@1", 7, 12);
    }

    @Test
    void listsEveryFileWithWhereItOpensAndWritesTheStills() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
        JsonNode files = new ObjectMapper().readTree(SearchCommand.archiveJson(result(jpeg), tmp.resolve("stills")));
        assertEquals(3, files.size());
        JsonNode here = files.get(0);
        assertEquals("INDEXED_HERE", here.path("localCopy").asText());
        assertEquals(tmp.resolve("a.mp4").toString(), here.path("localFile").asText());
        assertEquals("ws-a", here.path("workstation").asText());
        assertEquals("cam-a", here.path("camera").asText());
        assertEquals(1.5, here.path("bestOffsetSeconds").asDouble());
        assertEquals(0.31, here.path("score").asDouble(), 1e-6);
        assertFalse(here.path("hasThumbnail").asBoolean());
        assertTrue(here.path("thumbnail").isMissingNode());

        JsonNode shared = files.get(1);
        assertEquals("SHARED_FOLDER", shared.path("localCopy").asText());
        assertTrue(shared.path("whereToOpen").asText().endsWith("(in a shared archive folder)"));
        assertEquals("cam-b/b.mp4", shared.path("archivePath").asText());
        assertEquals(7.0, shared.path("thumbnailOffsetSeconds").asDouble());
        assertArrayEquals(jpeg, Files.readAllBytes(Path.of(shared.path("thumbnail").asText())));
        assertEquals(tmp.resolve("stills").resolve(SHA_SHARED + ".jpg").toString(), shared.path("thumbnail").asText());

        JsonNode away = files.get(2);
        assertEquals("NOT_HERE", away.path("localCopy").asText());
        assertTrue(away.path("localFile").isNull());
        assertTrue(away.path("whereToOpen").asText().contains("held by workstation ws-c"), away.toString());
        assertTrue(away.path("hasThumbnail").asBoolean());
    }

    @Test
    void withoutAFolderNoStillIsWritten() throws Exception {
        JsonNode files = new ObjectMapper().readTree(SearchCommand.archiveJson(result(new byte[] {1, 2}), null));
        assertTrue(files.get(1).path("hasThumbnail").asBoolean());
        assertTrue(files.get(1).path("thumbnail").isMissingNode());
    }
}
