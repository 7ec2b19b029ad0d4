package org.sightline.indexer.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.index.FrameFilter;
import org.sightline.indexer.index.IndexedFrame;
import org.sightline.indexer.index.VideoVectors;
import org.sightline.indexer.index.Vectors;
import org.sightline.indexer.app.ActiveModelSource;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.DataDirectorySettings;
import org.sightline.indexer.app.PerceptionSource;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.testing.ColourTestModel;
import org.sightline.models.testing.SharedData;

/**
 * A one-node SolrCloud in a child JVM serving HTTPS with a self-signed certificate made by the JDK's keytool (as
 * {@code sightline solr dev-cluster --tls}): ZooKeeper's {@code urlScheme} makes the client use HTTPS; with the
 * truststore a collection is created, written and searched; without it, or with the password file readable by others,
 * the refusal is in plain words naming the node and the setting; a data directory set to it with {@code config set
 * solr.truststore} and {@code solr.truststore-password-file} indexes real footage into it and searches it.
 */
class SolrTlsTest {
    private static final String MODEL = "tls@1#abc";

    @Test
    void writesAndSearchesOverHttpsWithTheClustersTruststore(@TempDir Path tmp) throws Exception {
        Path launcher = SolrCloudProcess.findLauncher().orElseThrow(() -> new IllegalStateException(
                "the SolrCloud launcher is not built: expected solr-cluster/target/solr-cluster-lib beside the indexer module"));
        SolrDevCertificate certificate = SolrDevCertificate.create(tmp.resolve("tls"));
        try (SolrCloudProcess cloud = SolrCloudProcess.start(launcher, 1, tmp.resolve("cloud"), Optional.empty(), Optional.of(certificate))) {
            assertEquals("https", cloud.nodes().getFirst().getScheme(), cloud.nodes().toString());
            SolrLocation location = SolrLocation.of(cloud.zkHost(), "over_tls");

            SolrStoreException untrusted = assertThrows(SolrStoreException.class, () -> SolrCollections.create(location, 1, 1));
            assertTrue(untrusted.getMessage().contains("127.0.0.1:" + cloud.nodes().getFirst().getPort())
                    && untrusted.getMessage().contains("does not trust")
                    && untrusted.getMessage().contains("sightline config set solr.truststore FILE"), untrusted.getMessage());

            SolrTrust trust = SolrTrust.read(certificate.truststore(), certificate.passwordFile());
            SolrCollections.create(location, Optional.empty(), Optional.of(trust), 1, 1);
            try (SolrIndexStore store = SolrIndexStore.open(location, Optional.empty(), Optional.of(trust), "ws-tls", tmp.resolve("tls.lock"))) {
                float[] v = Vectors.normalise(new float[] {1, 2, 3});
                store.replaceVideo(new VideoVectors(1, MODEL, "sha-tls", 1, "cam", Optional.of(Instant.parse("2026-01-02T22:00:00Z")),
                        List.of(new IndexedFrame(1, 0.5, v), new IndexedFrame(1, 1.5, v))));
                assertEquals(2, store.search(v, 10, FrameFilter.model(MODEL)).size());
                assertEquals(2, store.search(v, 10, new FrameFilter(MODEL, Set.of(), null, null, LocalTime.of(21, 0), LocalTime.of(5, 0))).size());
            }

            // a data directory set to it with `config set`: indexes real footage and searches over https
            DataDirectory dir = new DataDirectory(tmp.resolve("data"));
            dir.create();
            DataDirectorySettings.set(dir, DataDirectorySettings.INDEX_STORE, location.toString());
            DataDirectorySettings.set(dir, DataDirectorySettings.SOLR_TRUSTSTORE, certificate.truststore().toString());
            Path wrongPassword = tmp.resolve("wrong.password");
            Files.writeString(wrongPassword, "not-it\n");
            Files.setPosixFilePermissions(wrongPassword, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                    () -> DataDirectorySettings.set(dir, DataDirectorySettings.SOLR_TRUSTSTORE_PASSWORD, wrongPassword.toString()));
            assertTrue(wrong.getMessage().contains(certificate.truststore().toString()), wrong.getMessage());
            DataDirectorySettings.set(dir, DataDirectorySettings.SOLR_TRUSTSTORE_PASSWORD, certificate.passwordFile().toString());
            assertEquals(certificate.truststore().toAbsolutePath().toString(), DataDirectorySettings.get(dir, DataDirectorySettings.SOLR_TRUSTSTORE));
            try (Workspace w = Workspace.open(dir, ActiveModelSource.of(new ColourTestModel()), PerceptionSource.none())) {
                w.ingest(IngestRequest.of(List.of(SharedData.footage("tiny-highway-48px-raw.avi"))), IngestListener.NONE, () -> false);
                assertTrue(!w.search().search(SearchQuery.prompt("green").withLimit(10)).clips().isEmpty());
            }

            // a password file others may read is refused before anything is sent
            Files.setPosixFilePermissions(certificate.passwordFile(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            SolrStoreException open = assertThrows(SolrStoreException.class, () -> SolrTrust.read(certificate.truststore(), certificate.passwordFile()));
            assertTrue(open.getMessage().contains("chmod 600"), open.getMessage());
        }
    }
}
