package org.sightline.indexer.app;

import java.io.IOException;
import java.nio.file.Path;
import org.sightline.indexer.index.solr.SolrCloudProcess;
import org.sightline.indexer.index.solr.SolrCollections;
import org.sightline.indexer.index.solr.SolrLocation;
import org.sightline.indexer.index.solr.SolrStoreException;

/**
 * A team archive on SolrCloud: setting a collection up for Sightline, and a local SolrCloud to try it on one machine.
 * A data directory then writes to it after {@code sightline config set index.store solr://ZKHOST:PORT/COLLECTION}.
 */
public final class TeamArchive {
    private TeamArchive() {
    }

    /** Uploads Sightline's configset and creates the collection (see {@link SolrCollections#create}). */
    public static SolrCollections.Created createCollection(String zkHost, String collection, int shards, int replicas) throws IOException {
        return createCollection(zkHost, collection, shards, replicas, java.util.Optional.empty());
    }

    /** As {@link #createCollection(String, String, int, int)}, for a cloud requiring credentials (a private file). */
    public static SolrCollections.Created createCollection(String zkHost, String collection, int shards, int replicas,
            java.util.Optional<Path> credentialsFile) throws IOException {
        return SolrCollections.create(SolrLocation.of(zkHost, collection), credentials(credentialsFile), shards, replicas);
    }

    private static java.util.Optional<org.sightline.indexer.index.solr.SolrCredentials> credentials(java.util.Optional<Path> file)
            throws IOException {
        return file.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(org.sightline.indexer.index.solr.SolrCredentials.read(file.get()));
    }

    /** Brings an existing collection's schema up to this version of Sightline (see {@link SolrCollections#upgrade}). */
    public static void upgradeCollection(String zkHost, String collection, java.util.Optional<Path> credentialsFile) throws IOException {
        SolrCollections.upgrade(SolrLocation.of(zkHost, collection), credentials(credentialsFile));
    }

    /**
     * Starts a SolrCloud of {@code nodes} nodes on loopback in a child JVM (the launcher the tests use), its files in
     * {@code workDir}.
     */
    public static SolrCloudProcess startLocalCloud(int nodes, Path workDir) throws IOException {
        return startLocalCloud(nodes, workDir, java.util.Optional.empty());
    }

    /**
     * As {@link #startLocalCloud(int, Path)}; with {@code basicAuthFile} (a private file of one line USER:PASSWORD) the
     * cloud requires those credentials of every request (Solr's basic authentication plugin).
     */
    public static SolrCloudProcess startLocalCloud(int nodes, Path workDir, java.util.Optional<Path> basicAuthFile) throws IOException {
        if (basicAuthFile.isPresent()) {
            org.sightline.indexer.index.solr.SolrCredentials.read(basicAuthFile.get()); // refuse a public or malformed file now
        }
        Path launcher = SolrCloudProcess.findLauncher().orElseThrow(() -> new SolrStoreException(
                "cannot find the SolrCloud launcher (indexer/solr-cluster/target with solr-cluster-lib/); run this from the"
                        + " Sightline folder after building it, or set -D" + SolrCloudProcess.LOCATION_PROPERTY + "=DIR"));
        return SolrCloudProcess.start(launcher, nodes, workDir, basicAuthFile);
    }
}
