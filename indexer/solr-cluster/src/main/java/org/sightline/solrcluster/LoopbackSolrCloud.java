package org.sightline.solrcluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.solr.embedded.JettySolrRunner;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.client.solrj.embedded.SSLConfig;

/**
 * A SolrCloud on loopback: {@code N} Solr nodes and an embedded ZooKeeper, in this JVM (Solr 9 and its Lucene 9 on
 * their own class path, never the application's). Used by the tests and by {@code sightline solr dev-cluster}.
 *
 * <p>Prints {@code zk HOST:PORT/CHROOT}, one {@code node I URL} line per node, then {@code ready}. Then reads
 * commands, one a line, from standard input: {@code stop I} and {@code start I} stop and restart node {@code I}
 * (answering {@code stopped I} / {@code started I URL}), {@code quit} (or the end of input, when the parent dies)
 * shuts the cluster down; so does Ctrl+C.
 *
 * <p>Arguments: {@code --nodes N} (default 2), {@code --dir DIR} (default a new temporary folder),
 * {@code --basic-auth-file FILE} (one line {@code USER:PASSWORD}: Solr's basic authentication plugin then requires
 * those credentials of every request; nodes talk to each other with Solr's own PKI authentication),
 * {@code --tls-keystore FILE --tls-truststore FILE --tls-password-file FILE} (PKCS12 files and a file holding their
 * password: the nodes serve HTTPS with that key, trust that truststore between themselves, and ZooKeeper's cluster
 * properties say {@code urlScheme=https}).
 */
public final class LoopbackSolrCloud {
    private LoopbackSolrCloud() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = 2;
        Path dir = null;
        Path basicAuth = null;
        Path tlsKeystore = null;
        Path tlsTruststore = null;
        Path tlsPassword = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--nodes" -> nodes = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--basic-auth-file" -> basicAuth = Path.of(args[++i]);
                case "--tls-keystore" -> tlsKeystore = Path.of(args[++i]);
                case "--tls-truststore" -> tlsTruststore = Path.of(args[++i]);
                case "--tls-password-file" -> tlsPassword = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (expected --nodes N, --dir DIR, --basic-auth-file FILE, --tls-keystore FILE --tls-truststore FILE"
                        + " --tls-password-file FILE)");
            }
        }
        if (dir == null) {
            dir = Files.createTempDirectory("sightline-solrcloud");
        }
        System.setProperty("host", "127.0.0.1");
        System.setProperty("solr.log.dir", dir.resolve("logs").toString());
        SSLConfig ssl = null;
        if (tlsKeystore != null) {
            String password = Files.readString(tlsPassword, StandardCharsets.UTF_8).strip();
            // JettySolrRunner builds its TLS connector from the SSLConfig only in test mode (else from jetty.xml)
            System.setProperty("jetty.testMode", "true");
            // Solr's own clients between the nodes read these
            System.setProperty("javax.net.ssl.keyStore", tlsKeystore.toString());
            System.setProperty("javax.net.ssl.keyStorePassword", password);
            System.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
            System.setProperty("javax.net.ssl.trustStore", tlsTruststore.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", password);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            ssl = new SSLConfig(true, false, tlsKeystore.toString(), password, tlsTruststore.toString(), password);
        }
        SSLConfig sslConfig = ssl;
        MiniSolrCloudCluster cluster;
        if (basicAuth == null) {
            JettyConfig.Builder jetty = JettyConfig.builder().setContext("/solr").setPort(0);
            if (sslConfig != null) {
                jetty.withSSLConfig(sslConfig);
            }
            cluster = new MiniSolrCloudCluster(nodes, dir, jetty.build());
        } else {
            cluster = new MiniSolrCloudCluster.Builder(nodes, dir)
                    .withJettyConfig(j -> {
                        j.setContext("/solr").setPort(0);
                        if (sslConfig != null) {
                            j.withSSLConfig(sslConfig);
                        }
                    })
                    .withSecurityJson(securityJson(basicAuth))
                    .build();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(cluster)));
        System.out.println("zk " + cluster.getZkServer().getZkAddress());
        List<JettySolrRunner> runners = List.copyOf(cluster.getJettySolrRunners());
        for (int i = 0; i < runners.size(); i++) {
            System.out.println("node " + i + " " + runners.get(i).getBaseUrl());
        }
        System.out.println("ready");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().toLowerCase(Locale.ROOT).split("\\s+");
            try {
                switch (words[0]) {
                    case "stop" -> {
                        int i = Integer.parseInt(words[1]);
                        cluster.stopJettySolrRunner(runners.get(i));
                        cluster.waitForJettyToStop(runners.get(i));
                        System.out.println("stopped " + i);
                    }
                    case "start" -> {
                        int i = Integer.parseInt(words[1]);
                        // on its old port, as a restarted machine would be: its replicas are registered under it
                        runners.get(i).start(true);
                        cluster.waitForNode(runners.get(i), 120);
                        System.out.println("started " + i + " " + runners.get(i).getBaseUrl());
                    }
                    case "quit" -> {
                        System.exit(0);
                    }
                    case "" -> {
                    }
                    default -> System.out.println("error unknown command " + line);
                }
            } catch (Exception e) {
                System.out.println("error " + e);
            }
            System.out.flush();
        }
        System.exit(0);
    }

    /** Solr's basic authentication for the one user of {@code file} (one line USER:PASSWORD), every request included. */
    private static String securityJson(Path file) throws java.io.IOException {
        String line = Files.readString(file, StandardCharsets.UTF_8).strip();
        int colon = line.indexOf(':');
        if (colon <= 0 || colon == line.length() - 1) {
            throw new IllegalArgumentException("the basic authentication file " + file + " must hold one line USER:PASSWORD");
        }
        String user = line.substring(0, colon);
        String hashed = org.apache.solr.security.Sha256AuthenticationProvider.getSaltedHashedValue(line.substring(colon + 1));
        return "{\"authentication\":{\"class\":\"solr.BasicAuthPlugin\",\"blockUnknown\":true,"
                + "\"credentials\":{\"" + user.replace("\"", "") + "\":\"" + hashed + "\"}}}";
    }

    private static void shutdown(MiniSolrCloudCluster cluster) {
        try {
            cluster.shutdown();
        } catch (Exception e) {
            System.err.println("shutting the SolrCloud down failed: " + e);
        }
    }
}
