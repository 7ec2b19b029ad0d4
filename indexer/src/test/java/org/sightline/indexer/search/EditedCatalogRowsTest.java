package org.sightline.indexer.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.app.ActiveModelSource;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.testing.ColourTestModel;
import org.sightline.indexer.testing.ScriptedFootage;

/**
 * Issue 11, item 7: catalog rows of indexed videos and segments edited with raw SQL (a span stretched by 100000 s, a
 * zero hash, a path changed) are not presented as valid clips: the search withholds them and says what is wrong.
 */
class EditedCatalogRowsTest {
    @TempDir
    Path tmp;

    private Workspace open() throws Exception {
        return Workspace.open(new DataDirectory(tmp.resolve("data")), ActiveModelSource.of(new ColourTestModel()),
                new ScriptedFootage());
    }

    @Test
    void editedRowsAreWithheldWithTheReason() throws Exception {
        Path a = tmp.resolve("archive/cam");
        for (int i = 0; i < 4; i++) { // the same pictures, different recording starts: four files, four red clips
            ScriptedFootage.write(a.resolve("abcd".charAt(i) + ".vid"), "start=" + (1_700_000_000_000L + i * 60_000L),
                    "red", "red", "red", "red", "red", "red", "red", "red");
        }
        try (Workspace w = open()) {
            w.ingest(IngestRequest.of(List.of(a)), null, null);
            SearchResult untouched = w.search().search(SearchQuery.prompt("red"));
            assertEquals(4, untouched.clips().size(), untouched.toString());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/catalog.sqlite"));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE segments SET end_s = end_s + 100000 WHERE video_id = "
                    + "(SELECT id FROM videos WHERE path LIKE '%/a.vid')");
            s.executeUpdate("UPDATE videos SET sha256 = '" + "0".repeat(64) + "' WHERE path LIKE '%/b.vid'");
            s.executeUpdate("UPDATE videos SET path = '" + tmp.resolve("elsewhere/c.vid") + "' WHERE path LIKE '%/c.vid'");
        }
        try (Workspace w = open()) {
            SearchResult r = w.search().search(SearchQuery.prompt("red"));
            assertEquals(List.of(a.resolve("d.vid")), r.clips().stream().map(Clip::video).toList(), "only d.vid holds together");
            var why = r.withheld().stream().collect(Collectors.toMap(c -> c.video().getFileName().toString(), WithheldClip::problem, (x, y) -> x + "; " + y));
            assertEquals(3, why.size(), r.withheld().toString());
            assertTrue(why.get("a.vid").contains(".000 s but the video is 8.000 s long"), why.get("a.vid"));
            assertTrue(why.get("b.vid").contains("SHA-256 " + "0".repeat(64) + ", not the hash its frames were indexed with"),
                    why.get("b.vid"));
            assertTrue(why.get("c.vid").contains(tmp.resolve("elsewhere/c.vid") + " is not there"), why.get("c.vid"));
        }
    }
}
