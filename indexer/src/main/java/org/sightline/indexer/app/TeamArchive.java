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

    /**
     * As {@link #createCollection(String, String, int, int, java.util.Optional)}, for a cloud served over HTTPS whose
     * certificate authority is in {@code truststore} (with its private password file).
     */
    public static SolrCollections.Created createCollection(String zkHost, String collection, int shards, int replicas,
            java.util.Optional<Path> credentialsFile, java.util.Optional<Path> truststore, java.util.Optional<Path> truststorePassword)
            throws IOException {
        return SolrCollections.create(SolrLocation.of(zkHost, collection), credentials(credentialsFile),
                trust(truststore, truststorePassword), shards, replicas);
    }

    /** As {@link #upgradeCollection(String, String, java.util.Optional)}, for a cloud served over HTTPS with its own CA. */
    public static void upgradeCollection(String zkHost, String collection, java.util.Optional<Path> credentialsFile,
            java.util.Optional<Path> truststore, java.util.Optional<Path> truststorePassword) throws IOException {
        SolrCollections.upgrade(SolrLocation.of(zkHost, collection), credentials(credentialsFile), trust(truststore, truststorePassword));
    }

    private static java.util.Optional<org.sightline.indexer.index.solr.SolrTrust> trust(java.util.Optional<Path> truststore,
            java.util.Optional<Path> password) throws IOException {
        return truststore.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(org.sightline.indexer.index.solr.SolrTrust.read(truststore.get(), password.orElse(null)));
    }

    /**
     * As {@link #startLocalCloud(int, Path, java.util.Optional)}; with {@code tls} the nodes serve HTTPS with a
     * self-signed certificate made now with the JDK's keytool in {@code workDir/tls} (its truststore and password file
     * are what workstations name as {@code solr.truststore} and {@code solr.truststore-password-file}).
     */
    public static LocalCloud startLocalCloud(int nodes, Path workDir, java.util.Optional<Path> basicAuthFile, boolean tls)
            throws IOException {
        if (!tls) {
            return new LocalCloud(startLocalCloud(nodes, workDir, basicAuthFile), java.util.Optional.empty());
        }
        if (basicAuthFile.isPresent()) {
            org.sightline.indexer.index.solr.SolrCredentials.read(basicAuthFile.get());
        }
        var certificate = org.sightline.indexer.index.solr.SolrDevCertificate.create(workDir.resolve("tls"));
        return new LocalCloud(SolrCloudProcess.start(launcher(), nodes, workDir, basicAuthFile, java.util.Optional.of(certificate)),
                java.util.Optional.of(certificate));
    }

    /** A local SolrCloud and, when it serves HTTPS, the certificate files workstations need to trust it. */
    public record LocalCloud(SolrCloudProcess process, java.util.Optional<org.sightline.indexer.index.solr.SolrDevCertificate> tls) {
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
        return SolrCloudProcess.start(launcher(), nodes, workDir, basicAuthFile);
    }

    private static Path launcher() throws SolrStoreException {
        return SolrCloudProcess.findLauncher().orElseThrow(() -> new SolrStoreException(
                "cannot find the SolrCloud launcher (indexer/solr-cluster/target with solr-cluster-lib/); run this from the"
                        + " Sightline folder after building it, or set -D" + SolrCloudProcess.LOCATION_PROPERTY + "=DIR"));
    }
}
