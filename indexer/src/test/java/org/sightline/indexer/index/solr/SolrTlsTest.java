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
 * {@code sightline solr dev-cluster --tls} in a child JVM: a one-node SolrCloud serving HTTPS with a self-signed
 * certificate made by the JDK's keytool, its truststore and private password file printed; ZooKeeper's {@code urlScheme} makes the client use HTTPS; with the
 * truststore a collection is created, written and searched; without it, or with the password file readable by others,
 * the refusal is in plain words naming the node and the setting; a data directory set to it with {@code config set
 * solr.truststore} and {@code solr.truststore-password-file} indexes real footage into it and searches it.
 */
class SolrTlsTest {
    private static final String MODEL = "tls@1#abc";

    @Test
    void writesAndSearchesOverHttpsWithTheClustersTruststore(@TempDir Path tmp) throws Exception {
        assertTrue(SolrCloudProcess.findLauncher().isPresent(),
                "the SolrCloud launcher is not built: expected solr-cluster/target/solr-cluster-lib beside the indexer module");
        // `sightline solr dev-cluster --tls` in a child JVM, as a user would run it
        Process devCluster = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"), "org.sightline.indexer.cli.SightlineCommand", "solr", "dev-cluster",
                "--nodes", "1", "--tls", "--dir", tmp.resolve("cloud").toString())
                .redirectError(tmp.resolve("dev-cluster.err").toFile()).start();
        try {
            java.util.Map<String, String> printed = new java.util.HashMap<>();
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(devCluster.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null && !line.startsWith("ready"); line = out.readLine()) {
                String[] words = line.strip().split("\\s+");
                if (words[0].equals("node") && words.length >= 3) {
                    printed.put("node " + words[1], words[2]);
                } else if (words.length >= 2) {
                    printed.putIfAbsent(words[0], words[1]);
                }
            }
            assertTrue(printed.containsKey("ZooKeeper"), "dev-cluster printed " + printed + "; see " + tmp.resolve("dev-cluster.err"));
            assertTrue(printed.get("node 0").startsWith("https://127.0.0.1:"), printed.toString());
            java.net.URI node = java.net.URI.create(printed.get("node 0"));
            SolrDevCertificate certificate = new SolrDevCertificate(tmp.resolve("cloud/tls/solr-keystore.p12"),
                    Path.of(printed.get("truststore")), Path.of(printed.get("password")));
            assertEquals(tmp.resolve("cloud/tls/solr-truststore.p12").toAbsolutePath(), certificate.truststore());
            assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
                    Files.getPosixFilePermissions(certificate.passwordFile()), "the password file is private");
            SolrLocation location = SolrLocation.of(printed.get("ZooKeeper"), "over_tls");

            SolrStoreException untrusted = assertThrows(SolrStoreException.class, () -> SolrCollections.create(location, 1, 1));
            assertTrue(untrusted.getMessage().contains("127.0.0.1:" + node.getPort())
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
        } finally {
            devCluster.destroy(); // SIGTERM: as Ctrl+C, its shutdown hook stops the cloud
            if (!devCluster.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
                devCluster.destroyForcibly();
            }
        }
    }
}
