package org.sightline.indexer.index.solr;

import java.net.URI;
import java.util.Objects;

/**
 * A SolrCloud collection as a data directory names it: {@code solr://ZKHOST:PORT[/CHROOT]/COLLECTION}, e.g.
 * {@code solr://10.0.0.5:2181/sightline} or {@code solr://127.0.0.1:41234/solr/sightline} (ZooKeeper chroot
 * {@code /solr}). Several ZooKeeper hosts are separated by commas: {@code solr://zk1:2181,zk2:2181/sightline}.
 *
 * @param zkHost     ZooKeeper connect string with its chroot, as Solr's {@code -z} takes it ({@code h:p[,h:p][/chroot]})
 * @param collection the collection holding the frame vectors
 */
public record SolrLocation(String zkHost, String collection) {
    public static final String SCHEME = "solr://";

    public SolrLocation {
        Objects.requireNonNull(zkHost, "zkHost");
        Objects.requireNonNull(collection, "collection");
        if (zkHost.isBlank() || !collection.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("a SolrCloud location needs a ZooKeeper address and a collection name of"
                    + " letters, digits, '.', '_' or '-' (" + SCHEME + "ZKHOST:PORT/COLLECTION), not " + zkHost + " / " + collection);
        }
    }

    /** Parses {@code solr://ZKHOST:PORT[/CHROOT]/COLLECTION}; throws IllegalArgumentException in plain words. */
    public static SolrLocation parse(String text) {
        if (text == null || !text.startsWith(SCHEME)) {
            throw new IllegalArgumentException("not a SolrCloud location: " + text + " (expected " + SCHEME + "ZKHOST:PORT/COLLECTION)");
        }
        String rest = text.substring(SCHEME.length());
        int lastSlash = rest.lastIndexOf('/');
        if (lastSlash <= 0 || lastSlash == rest.length() - 1) {
            throw new IllegalArgumentException("the SolrCloud location " + text + " names no collection (expected "
                    + SCHEME + "ZKHOST:PORT/COLLECTION)");
        }
        String zk = rest.substring(0, lastSlash);
        String hosts = zk.contains("/") ? zk.substring(0, zk.indexOf('/')) : zk;
        for (String h : hosts.split(",")) {
            URI u = URI.create("zk://" + h);
            if (u.getHost() == null || u.getPort() < 1) {
                throw new IllegalArgumentException("the SolrCloud location " + text + " has no ZooKeeper HOST:PORT (" + h + ")");
            }
        }
        return new SolrLocation(zk, rest.substring(lastSlash + 1));
    }

    /** ZooKeeper connect string and chroot from {@code --zk HOST:PORT[/CHROOT]} plus a collection name. */
    public static SolrLocation of(String zkHost, String collection) {
        return parse(SCHEME + zkHost + "/" + collection);
    }

    @Override
    public String toString() {
        return SCHEME + zkHost + "/" + collection;
    }
}
