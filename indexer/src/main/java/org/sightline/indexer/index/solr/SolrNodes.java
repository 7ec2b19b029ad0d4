package org.sightline.indexer.index.solr;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/**
 * The live Solr nodes of a SolrCloud, as its ZooKeeper lists them ({@code /live_nodes}, entries like
 * {@code 10.0.0.7:8983_solr}), with the scheme the cluster's properties name ({@code urlScheme} in
 * {@code /clusterprops.json}: {@code https} for a cluster served over TLS, else {@code http}).
 */
final class SolrNodes implements AutoCloseable {
    private static final int SESSION_TIMEOUT_MS = 15_000;
    /** Solr itself writes {@code /clusterprops.json} with single quotes at times. */
    private static final com.fasterxml.jackson.databind.ObjectMapper LENIENT_JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    private final String zkHost;
    private ZooKeeper zk;

    SolrNodes(String zkHost) {
        this.zkHost = zkHost;
    }

    /** Base URLs ({@code http://host:port/solr}) of the nodes live now; fails when ZooKeeper cannot be reached. */
    synchronized List<URI> live() throws SolrStoreException {
        try {
            List<String> names = connected().getChildren("/live_nodes", false);
            String scheme = urlScheme();
            List<URI> out = new ArrayList<>(names.size());
            for (String n : names) {
                int u = n.lastIndexOf('_');
                String hostPort = n.substring(0, u);
                String context = URLDecoder.decode(n.substring(u + 1), StandardCharsets.UTF_8);
                out.add(URI.create(scheme + "://" + hostPort + "/" + context));
            }
            return out;
        } catch (KeeperException.NoNodeException e) {
            throw new SolrStoreException("ZooKeeper at " + zkHost + " holds no SolrCloud (no /live_nodes); check the"
                    + " address and its chroot, e.g. HOST:PORT/solr", e);
        } catch (KeeperException e) {
            dropSession();
            throw new SolrStoreException("cannot read the live Solr nodes from ZooKeeper at " + zkHost + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SolrStoreException("interrupted while asking ZooKeeper at " + zkHost + " for the live Solr nodes", e);
        }
    }

    /** {@code https} when the cluster's properties say its nodes serve TLS, else {@code http}. */
    private String urlScheme() throws KeeperException, InterruptedException, SolrStoreException {
        byte[] props;
        try {
            props = zk.getData("/clusterprops.json", false, null);
        } catch (KeeperException.NoNodeException none) {
            return "http";
        }
        if (props == null || props.length == 0) {
            return "http";
        }
        try {
            String scheme = LENIENT_JSON.readTree(props).path("urlScheme").asText("http");
            return scheme.equalsIgnoreCase("https") ? "https" : "http";
        } catch (IOException e) {
            throw new SolrStoreException("the SolrCloud's cluster properties in ZooKeeper at " + zkHost
                    + " (/clusterprops.json) are not readable JSON: " + e.getMessage(), e);
        }
    }

    /** The live nodes' base URLs, then closes the session (for one-off commands). */
    List<String> liveAndClose() throws SolrStoreException {
        try {
            return live().stream().map(URI::toString).toList();
        } finally {
            close();
        }
    }

    private ZooKeeper connected() throws SolrStoreException, InterruptedException {
        if (zk != null && zk.getState().isAlive()) {
            return zk;
        }
        dropSession();
        CountDownLatch up = new CountDownLatch(1);
        try {
            zk = new ZooKeeper(zkHost, SESSION_TIMEOUT_MS, event -> {
                if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    up.countDown();
                }
            });
        } catch (IOException | IllegalArgumentException e) {
            throw new SolrStoreException("cannot connect to ZooKeeper at " + zkHost + ": " + e.getMessage(), e);
        }
        if (!up.await(SESSION_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            dropSession();
            throw new SolrStoreException("ZooKeeper at " + zkHost + " did not answer within "
                    + SESSION_TIMEOUT_MS / 1000 + " s; is the SolrCloud running and the address right?");
        }
        return zk;
    }

    private void dropSession() {
        if (zk != null) {
            try {
                zk.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            zk = null;
        }
    }

    @Override
    public synchronized void close() {
        dropSession();
    }
}
