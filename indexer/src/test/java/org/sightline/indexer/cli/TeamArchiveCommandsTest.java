package org.sightline.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.index.solr.SharedSolrCloud;

/** {@code sightline config set index.store}, {@code solr init} and {@code status} naming the store in use. */
class TeamArchiveCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void choosesTheStorePerDataDirectoryAndGoesBack() {
        String data = tmp.resolve("data").toString();
        assertTrue(CliRun.of("status", "--data", data).out().contains("embedded Lucene index"));
        CliRun bad = CliRun.of("config", "set", "index.store", "solr://nowhere", "--data", data);
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("names no collection"), bad.err());
        CliRun set = CliRun.of("config", "set", "index.store", "solr://127.0.0.1:2181/solr/archive", "--data", data);
        assertEquals(0, set.exitCode(), set.err());
        assertEquals("solr://127.0.0.1:2181/solr/archive", CliRun.of("config", "get", "index.store", "--data", data).out().strip());
        assertEquals(0, CliRun.of("config", "set", "index.store", "lucene", "--data", data).exitCode());
        assertTrue(CliRun.of("status", "--data", data).out().contains("embedded Lucene index"));
        assertEquals(0, CliRun.of("models", "demo", "--data", data).exitCode());
        CliRun archive = CliRun.of("search", "--archive", "grey", "--data", data);
        assertTrue(archive.exitCode() != 0 && archive.err().contains("holds only its own footage"), archive.err());
    }

    @Test
    void initCreatesTheCollectionAndStatusNamesIt() {
        String zk = SharedSolrCloud.get().zkHost();
        CliRun init = CliRun.of("solr", "init", "--zk", zk, "--collection", "cli_archive", "--shards", "1", "--replicas", "2");
        assertEquals(0, init.exitCode(), init.err());
        assertTrue(init.out().contains("sightline config set index.store solr://" + zk + "/cli_archive"), init.out());
        CliRun again = CliRun.of("solr", "init", "--zk", zk, "--collection", "cli_archive");
        assertTrue(again.exitCode() != 0 && again.err().contains("already has a collection cli_archive"), again.err());

        String data = tmp.resolve("data").toString();
        assertEquals(0, CliRun.of("config", "set", "index.store", "solr://" + zk + "/cli_archive", "--data", data).exitCode());
        CliRun status = CliRun.of("status", "--data", data);
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains("SolrCloud collection cli_archive"), status.out());
        assertEquals(0, CliRun.of("models", "demo", "--data", data).exitCode());
        CliRun archive = CliRun.of("search", "--archive", "grey", "--data", data);
        assertEquals(0, archive.exitCode(), archive.err());
        assertTrue(archive.out().startsWith("0 clips of the team archive for \"grey\": strong 0, possible 0, more 0"), archive.out());

        // indexed, the archive answers in clips: tier sections, where each opens, why each matched
        CliRun index = CliRun.of("index", "--data", data, org.sightline.models.testing.SharedData.footage("parking-aisle-cars.mp4").toString());
        assertEquals(0, index.exitCode(), index.err());
        CliRun red = CliRun.of("search", "--archive", "red", "--data", data);
        assertEquals(0, red.exitCode(), red.err());
        assertTrue(red.out().contains("\nstrong ("), red.out());
        assertTrue(red.out().contains("[strong] parking-aisle-cars.mp4  "), red.out());
        assertTrue(red.out().contains("    open: " + org.sightline.models.testing.SharedData.footage("parking-aisle-cars.mp4")), red.out());
        assertTrue(red.out().contains("    why: looks like \"red\""), red.out());
        CliRun json = CliRun.of("search", "--archive", "red", "--json", "--limit", "2", "--data", data);
        assertEquals(0, json.exitCode(), json.err());
        try {
            com.fasterxml.jackson.databind.JsonNode first = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get(0);
            assertEquals("strong", first.path("tier").asText());
            assertTrue(first.path("startSeconds").asDouble() <= first.path("bestOffsetSeconds").asDouble()
                    && first.path("bestOffsetSeconds").asDouble() <= first.path("endSeconds").asDouble(), first.toString());
            assertTrue(first.path("why").get(0).path("evidence").asText().startsWith("similarity"), first.toString());
            assertEquals("INDEXED_HERE", first.path("localCopy").asText());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json.out(), e);
        }

        assertEquals(0, CliRun.of("config", "set", "index.store", "solr://" + zk + "/no_such_collection", "--data", data).exitCode());
        CliRun missing = CliRun.of("status", "--data", data);
        assertTrue(missing.exitCode() != 0 && missing.err().contains("has no collection no_such_collection"), missing.err());
    }
}
