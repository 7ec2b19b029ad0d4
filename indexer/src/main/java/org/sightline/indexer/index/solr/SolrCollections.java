package org.sightline.indexer.index.solr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Sets a SolrCloud up for Sightline: uploads the configset shipped with it (schema with the dense vector fields,
 * solrconfig) and creates the collection, with as many shards and replicas as asked.
 */
public final class SolrCollections {
    /** The configset's files, in this package's {@code configset} resource folder. */
    static final List<String> CONFIGSET_FILES = List.of("schema.xml", "solrconfig.xml");
    public static final String CONFIGSET = "sightline";

    private SolrCollections() {
    }

    /** What {@link #create} did. */
    public record Created(SolrLocation location, int shards, int replicas, List<String> liveNodes) {
    }

    /**
     * Uploads the configset (replacing an older upload of it) and creates the collection.
     *
     * @throws SolrStoreException when the collection exists already, ZooKeeper or Solr cannot be reached, or Solr
     *                            refuses (e.g. more replicas than live nodes)
     */
    public static Created create(SolrLocation location, int shards, int replicas) throws IOException {
        return create(location, java.util.Optional.empty(), shards, replicas);
    }

    /** As {@link #create(SolrLocation, int, int)}, with credentials for a cloud that requires them. */
    public static Created create(SolrLocation location, java.util.Optional<SolrCredentials> credentials, int shards, int replicas)
            throws IOException {
        return create(location, credentials, java.util.Optional.empty(), shards, replicas);
    }

    /** As {@link #create(SolrLocation, int, int)}, with credentials and a truststore for an HTTPS cluster, when present. */
    public static Created create(SolrLocation location, java.util.Optional<SolrCredentials> credentials,
            java.util.Optional<SolrTrust> trust, int shards, int replicas) throws IOException {
        if (shards < 1 || replicas < 1) {
            throw new IllegalArgumentException("a collection needs at least one shard and one replica");
        }
        try (SolrHttp http = new SolrHttp(location.zkHost(), credentials, trust)) {
            http.postBytes("/admin/configs?action=UPLOAD&overwrite=true&cleanup=true&name=" + CONFIGSET,
                    "application/octet-stream", configsetZip());
            JsonNode list = http.get("/admin/collections?action=LIST");
            for (JsonNode c : list.path("collections")) {
                if (c.asText().equals(location.collection())) {
                    throw new SolrStoreException("the SolrCloud at " + location.zkHost() + " already has a collection "
                            + location.collection() + "; choose another name, or use it as it is");
                }
            }
            http.get("/admin/collections?action=CREATE&name=" + URLEncoder.encode(location.collection(), StandardCharsets.UTF_8)
                    + "&numShards=" + shards + "&replicationFactor=" + replicas + "&collection.configName=" + CONFIGSET
                    + "&waitForFinalState=true");
            List<String> live = new SolrNodes(location.zkHost()).liveAndClose();
            return new Created(location, shards, replicas, live);
        }
    }

    /**
     * Brings an existing collection's schema up to this version of Sightline: uploads the shipped configset (its
     * changes only ever add fields) and reloads the collection. Documents already held stay as they are.
     */
    public static void upgrade(SolrLocation location) throws IOException {
        upgrade(location, java.util.Optional.empty());
    }

    /** As {@link #upgrade(SolrLocation)}, with credentials for a cloud that requires them. */
    public static void upgrade(SolrLocation location, java.util.Optional<SolrCredentials> credentials) throws IOException {
        upgrade(location, credentials, java.util.Optional.empty());
    }

    /** As {@link #upgrade(SolrLocation)}, with credentials and a truststore for an HTTPS cluster, when present. */
    public static void upgrade(SolrLocation location, java.util.Optional<SolrCredentials> credentials,
            java.util.Optional<SolrTrust> trust) throws IOException {
        try (SolrHttp http = new SolrHttp(location.zkHost(), credentials, trust)) {
            boolean exists = false;
            for (JsonNode c : http.get("/admin/collections?action=LIST").path("collections")) {
                exists |= c.asText().equals(location.collection());
            }
            if (!exists) {
                throw new SolrStoreException("the SolrCloud at " + location.zkHost() + " has no collection "
                        + location.collection() + "; create it with `sightline solr init`");
            }
            http.postBytes("/admin/configs?action=UPLOAD&overwrite=true&cleanup=true&name=" + CONFIGSET,
                    "application/octet-stream", configsetZip());
            http.get("/admin/collections?action=RELOAD&name=" + URLEncoder.encode(location.collection(), StandardCharsets.UTF_8));
        }
    }

    /** The shipped configset as a zip, as Solr's configset upload takes it. */
    static byte[] configsetZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : CONFIGSET_FILES) {
                try (InputStream in = SolrCollections.class.getResourceAsStream("configset/" + name)) {
                    if (in == null) {
                        throw new IOException("the Solr configset file " + name + " is missing from Sightline's jar");
                    }
                    zip.putNextEntry(new ZipEntry(name));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }
}
