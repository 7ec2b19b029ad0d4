package org.sightline.indexer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
    @TempDir
    Path tmp;

    @Test
    void reopensAtTheCurrentSchemaAndSharesTheFile() throws Exception {
        Path file = tmp.resolve("catalog.sqlite");
        long id;
        try (Catalog c = Catalog.open(file)) {
            id = c.registerVideo(tmp.resolve("x.mp4"), "abc", 5, 7, "gate", c.archive(tmp));
            c.rememberPath("abc", tmp.resolve("x.mp4"));
            c.rememberPath("abc", tmp.resolve("old/x.mp4"));
            c.database().withHandle(h -> {
                h.execute("CREATE TABLE IF NOT EXISTS cases_demo(id INTEGER PRIMARY KEY, video_id INTEGER REFERENCES videos(id))");
                assertEquals("wal", h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
                // foreign keys are enforced on shared connections too
                assertThrows(JdbiException.class, () -> h.execute("INSERT INTO cases_demo(video_id) VALUES (999)"));
                return null;
            });
        }
        try (Catalog c = Catalog.open(file)) {
            assertEquals("gate", c.video(id).orElseThrow().camera());
            assertEquals(2, c.knownPaths("abc").size());
            assertEquals(List.of(id), c.videosBySha256("abc").stream().map(VideoRecord::id).toList());
            c.markFailed(id, "CORRUPT", "x.mp4: broken");
            assertEquals(1, c.failedVideos().size());
            assertEquals(1L, c.videoCountsByStatus().get("failed"));
        }
    }
}
