package org.sightline.indexer.index.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One two-node SolrCloud (child JVM, loopback) shared by every test of the run that needs one: started on first use,
 * gone when the test JVM ends (the launcher exits when its standard input closes). Fails loudly when the launcher is
 * not built ({@code indexer/solr-cluster/target}, which the reactor builds before this module).
 */
public final class SharedSolrCloud {
    private static SolrCloudProcess cloud;

    private SharedSolrCloud() {
    }

    public static synchronized SolrCloudProcess get() {
        if (cloud == null) {
            Path launcher = SolrCloudProcess.findLauncher().orElseThrow(() -> new IllegalStateException(
                    "the SolrCloud launcher is not built: expected solr-cluster/target/solr-cluster-lib beside the indexer"
                            + " module; build with `./mvnw -pl indexer -am verify`"));
            try {
                Path work = Files.createTempDirectory("sightline-test-solrcloud");
                cloud = SolrCloudProcess.start(launcher, 2, work);
                SolrCloudProcess started = cloud;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    try (var files = Files.walk(work)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    } catch (IOException e) {
                        // a leftover temporary folder is harmless
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cloud;
    }

    /** Creates a collection of one shard with a replica on each node. */
    public static SolrLocation collection(String name) throws IOException {
        SolrLocation location = SolrLocation.of(get().zkHost(), name);
        SolrCollections.create(location, 1, 2);
        return location;
    }

    /** Waits until every replica of the collection is active again (after a node restarted). */
    public static void awaitAllReplicasActive(SolrLocation location) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (int attempt = 0; attempt < 600; attempt++) {
                for (URI node : get().nodes()) {
                    try {
                        String body = http.send(HttpRequest.newBuilder(URI.create(node + "/admin/collections?action=CLUSTERSTATUS&wt=json&collection="
                                + location.collection())).build(), HttpResponse.BodyHandlers.ofString()).body();
                        var replicas = SolrHttp.json().readTree(body).path("cluster").path("collections").path(location.collection())
                                .path("shards").path("shard1").path("replicas");
                        int active = 0;
                        for (var r : replicas) {
                            if ("active".equals(r.path("state").asText())) {
                                active++;
                            }
                        }
                        if (replicas.size() == 2 && active == 2) {
                            return;
                        }
                    } catch (IOException e) {
                        // that node is down; ask the other
                    }
                }
                Thread.sleep(200);
            }
            throw new AssertionError("the replicas of " + location.collection() + " did not all become active");
        }
    }
}
