package org.sightline.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.footage.WallClock;
import org.sightline.indexer.footage.ZoneSource;
import org.sightline.indexer.index.FrameThumbnail;
import org.sightline.indexer.index.VideoVectors;
import org.sightline.indexer.search.ArchiveSearchResult;
import org.sightline.indexer.search.ArchiveSearchResult.ArchiveClip;
import org.sightline.indexer.search.ArchiveSearchResult.ArchiveFile;
import org.sightline.indexer.search.ArchiveSearchResult.LocalCopy;
import org.sightline.indexer.search.ObjectSighting;
import org.sightline.indexer.search.Reason;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.Tier;
import org.sightline.indexer.search.UnansweredPart;

/**
 * {@code search --archive --json}: every field of each clip (span, tier, why, objects, where it opens), and its still
 * written under {@code --thumbnails DIR}.
 */
class ArchiveSearchJsonTest {
    @TempDir
    Path tmp;

    private static final String SHA_HERE = "a".repeat(64);
    private static final String SHA_SHARED = "b".repeat(64);
    private static final String SHA_AWAY = "c".repeat(64);

    private ArchiveSearchResult result(byte[] jpeg) {
        var here = new ArchiveFile(SHA_HERE, "cam-a", "ws-a", new VideoVectors.SourceFile("a.mp4", null, 10),
                Optional.of(tmp.resolve("a.mp4")), LocalCopy.INDEXED_HERE);
        var shared = new ArchiveFile(SHA_SHARED, "cam-b", "ws-b", new VideoVectors.SourceFile("b.mp4", "cam-b/b.mp4", 20),
                Optional.of(tmp.resolve("nas/cam-b/b.mp4")), LocalCopy.SHARED_FOLDER);
        var away = new ArchiveFile(SHA_AWAY, "cam-c", "ws-c", new VideoVectors.SourceFile("c.mp4", "x/c.mp4", 30),
                Optional.empty(), LocalCopy.NOT_HERE);
        List<Reason> why = List.of(new Reason("looks like \"grey\" (model m@1)", "similarity 0.310 at 1.5 s"),
                new Reason("objects in the clip", "person, car seen at 12 s (labels from workstation ws-b's detector)"));
        return new ArchiveSearchResult(SearchQuery.prompt("grey person"), List.of(
                new ArchiveClip(here, 0, 4, 1.5, 0.31f, 4, Optional.empty(), Optional.empty(), Tier.STRONG, why.subList(0, 1), List.of()),
                new ArchiveClip(shared, 4, 12, 7.25, 0.29f, 2, Optional.of(Instant.parse("2026-11-02T08:00:04Z")),
                        Optional.of(new FrameThumbnail(7.0, jpeg)), Tier.POSSIBLE, why,
                        List.of(new ObjectSighting("car", 1, Float.NaN), new ObjectSighting("person", 1, Float.NaN)),
                        Optional.of(new WallClock(Instant.parse("2026-11-02T08:00:04Z"), ZoneId.of("America/New_York"),
                                ZoneSource.INDEXING_WORKSTATION, null))),
                new ArchiveClip(away, 0, 8, 3, 0.2f, 1, Optional.empty(), Optional.of(new FrameThumbnail(3.0, jpeg)), Tier.MORE,
                        why.subList(0, 1), List.of())),
                Map.of(Tier.STRONG, 1, Tier.POSSIBLE, 1, Tier.MORE, 1), 0, List.of(),
                List.of(new UnansweredPart("2 × person", List.of("two"), "not kept")), "m@1", 7, "rule", 12);
    }

    @Test
    void listsEveryClipWithTierWhyAndWhereItOpensAndWritesTheStills() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
        JsonNode clips = new ObjectMapper().readTree(SearchCommand.archiveJson(result(jpeg), tmp.resolve("stills")));
        assertEquals(3, clips.size());
        JsonNode here = clips.get(0);
        assertEquals("INDEXED_HERE", here.path("localCopy").asText());
        assertEquals(tmp.resolve("a.mp4").toString(), here.path("localFile").asText());
        assertEquals("ws-a", here.path("workstation").asText());
        assertEquals("cam-a", here.path("camera").asText());
        assertEquals(0.0, here.path("startSeconds").asDouble());
        assertEquals(4.0, here.path("endSeconds").asDouble());
        assertEquals(1.5, here.path("bestOffsetSeconds").asDouble());
        assertEquals(0.31, here.path("score").asDouble(), 1e-6);
        assertEquals("strong", here.path("tier").asText());
        assertEquals("looks like \"grey\" (model m@1)", here.path("why").get(0).path("part").asText());
        assertTrue(here.path("ignored").isArray());
        assertEquals("2 × person: not kept", here.path("notAnswerable").get(0).asText());
        assertTrue(here.path("wallClockStart").isNull());
        assertFalse(here.path("hasThumbnail").asBoolean());
        assertTrue(here.path("thumbnail").isMissingNode());

        JsonNode shared = clips.get(1);
        assertEquals("possible", shared.path("tier").asText());
        assertEquals("2026-11-02T08:00:04Z", shared.path("wallClockStart").asText());
        // 08:00 UTC is 03:00 in New York (EST, UTC-05:00, after the November change), in the zone ws-b recorded
        assertEquals("2026-11-02 03:00:04", shared.path("wallClockLocal").asText());
        assertEquals("America/New_York", shared.path("zone").asText());
        assertEquals("indexing workstation's record", shared.path("zoneSource").asText());
        assertTrue(here.path("zone").isNull());
        assertEquals("person, car seen at 12 s (labels from workstation ws-b's detector)",
                shared.path("why").get(1).path("evidence").asText());
        assertEquals("car", shared.path("objects").get(0).path("label").asText());
        assertEquals(1, shared.path("objects").get(0).path("count").asInt());
        assertTrue(shared.path("objects").get(0).path("score").isNull(), "the store keeps no detector scores");
        assertEquals("SHARED_FOLDER", shared.path("localCopy").asText());
        assertTrue(shared.path("whereToOpen").asText().endsWith("(in a shared archive folder)"));
        assertEquals("cam-b/b.mp4", shared.path("archivePath").asText());
        assertEquals(7.0, shared.path("thumbnailOffsetSeconds").asDouble());
        assertArrayEquals(jpeg, Files.readAllBytes(Path.of(shared.path("thumbnail").asText())));
        assertEquals(tmp.resolve("stills").resolve(SHA_SHARED + "-4000.jpg").toString(), shared.path("thumbnail").asText());

        JsonNode away = clips.get(2);
        assertEquals("more", away.path("tier").asText());
        assertEquals("NOT_HERE", away.path("localCopy").asText());
        assertTrue(away.path("localFile").isNull());
        assertTrue(away.path("whereToOpen").asText().contains("held by workstation ws-c"), away.toString());
        assertTrue(away.path("hasThumbnail").asBoolean());
    }

    @Test
    void withoutAFolderNoStillIsWritten() throws Exception {
        JsonNode clips = new ObjectMapper().readTree(SearchCommand.archiveJson(result(new byte[] {1, 2}), null));
        assertTrue(clips.get(1).path("hasThumbnail").asBoolean());
        assertTrue(clips.get(1).path("thumbnail").isMissingNode());
    }
}
