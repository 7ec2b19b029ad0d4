package org.sightline.indexer.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.SegmentDraft;
import org.sightline.indexer.index.FrameFilter;
import org.sightline.indexer.index.IndexCommitProtocol;
import org.sightline.indexer.index.IndexedFrame;
import org.sightline.indexer.index.Vectors;

/**
 * A SolrCloud that requires Solr's basic authentication (its own one-node cloud in a child JVM, loopback): with the
 * credentials from a private file the collection is created, written and searched; without them, or with a wrong
 * password, every request is refused in plain words naming what to do; a credentials file others can read is refused.
 */
class SolrAuthenticationTest {
    @TempDir
    Path tmp;

    private Path privateFile(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    @Test
    void aProtectedCloudServesOnlyTheRightCredentials() throws Exception {
        Path good = privateFile("good", "examiner:correct horse battery staple\n");
        Path wrong = privateFile("wrong", "examiner:not the password");
        Path launcher = SolrCloudProcess.findLauncher().orElseThrow(() -> new IllegalStateException(
                "the SolrCloud launcher is not built: expected solr-cluster/target/solr-cluster-lib beside the indexer module"));
        try (SolrCloudProcess cloud = SolrCloudProcess.start(launcher, 1, tmp.resolve("cloud"), Optional.of(good))) {
            SolrLocation location = SolrLocation.of(cloud.zkHost(), "protected");
            SolrStoreException anonymous = assertThrows(SolrStoreException.class, () -> SolrCollections.create(location, 1, 1));
            assertTrue(anonymous.getMessage().contains("requires a user name and password"), anonymous.getMessage());
            assertTrue(anonymous.getMessage().contains("solr.credentials-file"), anonymous.getMessage());

            SolrCollections.create(location, Optional.of(SolrCredentials.read(good)), 1, 1);

            SolrStoreException refused = assertThrows(SolrStoreException.class,
                    () -> SolrIndexStore.open(location, Optional.of(SolrCredentials.read(wrong)), "ws", tmp.resolve("w.lock")));
            assertTrue(refused.getMessage().contains("credentials of examiner were not accepted"), refused.getMessage());
            assertTrue(!refused.getMessage().contains("not the password"), "the password is never printed");

            try (Catalog c = Catalog.open(tmp.resolve("c.sqlite"));
                 SolrIndexStore s = SolrIndexStore.open(location, Optional.of(SolrCredentials.read(good)), "ws", tmp.resolve("g.lock"))) {
                long v = c.registerVideo(tmp.resolve("v.mp4"), "sha-v", 10, 1, "cam", null);
                float[] x = Vectors.normalise(new float[] {1, 0, 0});
                new IndexCommitProtocol(c, s, tmp.resolve("thumbs")).write(new IndexCommitProtocol.VideoWrite(v, "m", "sha-v", "cam",
                        Optional.empty(), null, List.of(new SegmentDraft(0, 4, 1, null, 1, 0)),
                        List.of(List.of(new IndexedFrame(0, 1.0, x))), Optional.empty(), 0));
                assertEquals(1, s.search(x, 5, FrameFilter.model("m")).size());
            }
        }
    }

    @Test
    void aCredentialsFileOthersCanReadIsRefused() throws Exception {
        Path open = tmp.resolve("open");
        Files.writeString(open, "examiner:secret");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        SolrStoreException e = assertThrows(SolrStoreException.class, () -> SolrCredentials.read(open));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        Path malformed = privateFile("malformed", "no colon here");
        assertTrue(assertThrows(SolrStoreException.class, () -> SolrCredentials.read(malformed)).getMessage().contains("USER:PASSWORD"));
        assertEquals("Solr user examiner", SolrCredentials.read(privateFile("ok", "examiner:secret")).toString());
        // a data directory names the file, never the password; a public file is refused when it is set
        var dir = new org.sightline.indexer.app.DataDirectory(tmp.resolve("data"));
        IllegalArgumentException set = assertThrows(IllegalArgumentException.class,
                () -> org.sightline.indexer.app.DataDirectorySettings.setSolrCredentials(dir, open.toString()));
        assertTrue(set.getMessage().contains("chmod 600"), set.getMessage());
        org.sightline.indexer.app.DataDirectorySettings.set(dir, "solr.credentials-file", tmp.resolve("ok").toString());
        assertEquals("examiner", org.sightline.indexer.app.DataDirectorySettings.solrCredentials(dir).orElseThrow().user());
        assertTrue(!Files.readString(tmp.resolve("data/settings.json")).contains("secret"));
    }
}
