package org.sightline.indexer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sightline.indexer.app.TeamArchive;
import org.sightline.indexer.index.solr.SolrCloudProcess;
import org.sightline.indexer.index.solr.SolrCollections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sightline solr init|upgrade|dev-cluster}: a team archive on SolrCloud. */
@Command(name = "solr", mixinStandardHelpOptions = true, description = "Set up a team archive on SolrCloud.",
        subcommands = {SolrCommand.Init.class, SolrCommand.Upgrade.class, SolrCommand.DevCluster.class})
public class SolrCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Which collection of which SolrCloud, and the credentials for a protected one. */
    static class CollectionOptions {
        @Option(names = "--zk", required = true, paramLabel = "HOST:PORT[/CHROOT]", description = "the SolrCloud's ZooKeeper")
        String zk;

        @Option(names = "--collection", required = true, paramLabel = "NAME")
        String collection;

        @Option(names = "--credentials-file", paramLabel = "FILE",
                description = "for a SolrCloud requiring basic authentication: a file of one line USER:PASSWORD, readable only by you")
        Path credentialsFile;

        @Option(names = "--truststore", paramLabel = "FILE",
                description = "for a SolrCloud served over HTTPS with its own certificate authority: a truststore (PKCS12 or JKS) holding it")
        Path truststore;

        @Option(names = "--truststore-password-file", paramLabel = "FILE",
                description = "the truststore's password: a file of one line, readable only by you")
        Path truststorePassword;

        java.util.Optional<Path> credentials() {
            return java.util.Optional.ofNullable(credentialsFile);
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Upload Sightline's configset to a SolrCloud and create the collection for its frame vectors.")
    static class Init implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        CollectionOptions target;

        @Option(names = "--shards", defaultValue = "1", paramLabel = "N")
        int shards;

        @Option(names = "--replicas", defaultValue = "2", paramLabel = "N", description = "copies of each shard (default 2: one node may fail)")
        int replicas;

        @Override
        public Integer call() throws Exception {
            SolrCollections.Created c = TeamArchive.createCollection(target.zk, target.collection, shards,
                    replicas, target.credentials(), java.util.Optional.ofNullable(target.truststore),
                    java.util.Optional.ofNullable(target.truststorePassword));
            System.out.printf("Created %s: %d shard(s) x %d replica(s) on %s%n", c.location().collection(), c.shards(),
                    c.replicas(), c.liveNodes());
            System.out.println("Point each workstation's data directory at it:");
            System.out.println("  sightline config set index.store " + c.location());
            return 0;
        }
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true,
            description = "Bring a collection made by an older Sightline up to date: upload the configset and reload it.")
    static class Upgrade implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        CollectionOptions target;

        @Override
        public Integer call() throws Exception {
            TeamArchive.upgradeCollection(target.zk, target.collection, target.credentials(),
                    java.util.Optional.ofNullable(target.truststore), java.util.Optional.ofNullable(target.truststorePassword));
            System.out.println("Upgraded " + target.collection + ": the configset is this Sightline's and the collection reloaded;"
                    + " its documents are unchanged");
            return 0;
        }
    }

    @Command(name = "dev-cluster", mixinStandardHelpOptions = true,
            description = "Run a SolrCloud on this machine (loopback only) to try a team archive; Ctrl+C stops it.")
    static class DevCluster implements Callable<Integer> {
        @Option(names = "--nodes", defaultValue = "2", paramLabel = "N")
        int nodes;

        @Option(names = "--dir", paramLabel = "DIR", description = "where its files go (default: a new temporary folder)")
        Path dir;

        @Option(names = "--basic-auth-file", paramLabel = "FILE",
                description = "require these credentials (a private file of one line USER:PASSWORD) of every request")
        Path basicAuthFile;

        @Option(names = "--tls", description = "serve HTTPS with a self-signed certificate made with the JDK's keytool in DIR/tls")
        boolean tls;

        @Override
        public Integer call() throws Exception {
            Path work = dir != null ? dir : Files.createTempDirectory("sightline-solrcloud");
            TeamArchive.LocalCloud local = TeamArchive.startLocalCloud(nodes, work, java.util.Optional.ofNullable(basicAuthFile), tls);
            SolrCloudProcess cloud = local.process();
            Runtime.getRuntime().addShutdownHook(new Thread(cloud::close));
            System.out.println("ZooKeeper " + cloud.zkHost());
            for (int i = 0; i < cloud.nodes().size(); i++) {
                System.out.println("node " + i + "    " + cloud.nodes().get(i));
            }
            System.out.println("files     " + work);
            local.tls().ifPresent(t -> {
                System.out.println("truststore " + t.truststore().toAbsolutePath());
                System.out.println("password   " + t.passwordFile().toAbsolutePath() + " (private)");
                System.out.println("Trust it on a workstation:  sightline config set solr.truststore " + t.truststore().toAbsolutePath());
                System.out.println("                            sightline config set solr.truststore-password-file "
                        + t.passwordFile().toAbsolutePath());
            });
            System.out.println("Create a collection:  sightline solr init --zk " + cloud.zkHost() + " --collection sightline --shards 1 --replicas "
                    + Math.min(2, nodes) + local.tls().map(t -> " --truststore " + t.truststore().toAbsolutePath()
                            + " --truststore-password-file " + t.passwordFile().toAbsolutePath()).orElse(""));
            System.out.println("ready (Ctrl+C stops it)");
            System.out.flush();
            return cloud.waitFor();
        }
    }
}
