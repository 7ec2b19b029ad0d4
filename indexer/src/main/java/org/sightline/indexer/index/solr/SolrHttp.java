package org.sightline.indexer.index.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Requests to a SolrCloud over HTTP/JSON with the JDK's client, spread over the live nodes (read from ZooKeeper once, and
 * again after any failed request), failing over between them: a node that does
 * not answer, or a cluster still electing a shard leader after a node went down (HTTP 503, or 500 naming no
 * leader), is retried on the next live node for up to {@link #PATIENCE}. Every request Sightline sends is idempotent
 * (content-derived ids, deletes by query), so a retry never duplicates anything.
 */
final class SolrHttp implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SolrNodes nodes;
    private final String zkHost;
    private final java.util.Optional<SolrCredentials> credentials;
    private final java.util.Optional<SolrTrust> trust;
    private final HttpClient http;
    private int next;
    /** The live nodes as last read from ZooKeeper; read again after any failed request. */
    private volatile List<URI> liveNodes;

    SolrHttp(String zkHost) {
        this(zkHost, java.util.Optional.empty());
    }

    /** With credentials, every request carries them (Solr's basic authentication plugin). */
    SolrHttp(String zkHost, java.util.Optional<SolrCredentials> credentials) {
        this(zkHost, credentials, java.util.Optional.empty());
    }

    /**
     * With a truststore, a cluster served over HTTPS (its ZooKeeper {@code urlScheme}) is trusted when its certificate
     * chains to one in it; without, to one the JDK trusts.
     */
    SolrHttp(String zkHost, java.util.Optional<SolrCredentials> credentials, java.util.Optional<SolrTrust> trust) {
        this.zkHost = zkHost;
        this.nodes = new SolrNodes(zkHost);
        this.credentials = credentials;
        this.trust = trust;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        trust.ifPresent(t -> b.sslContext(t.sslContext()));
        this.http = b.build();
    }

    static ObjectMapper json() {
        return JSON;
    }

    /** Form-encodes parameters (repeated names allowed as pairs: name, value, name, value...). */
    static String form(List<String> pairs) {
        StringJoiner j = new StringJoiner("&");
        for (int i = 0; i < pairs.size(); i += 2) {
            j.add(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
        }
        return j.toString();
    }

    /** POSTs a JSON body to {@code path} (relative to a node's base URL, e.g. {@code /coll/update?commit=true}). */
    JsonNode postJson(String path, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        return send(path, base -> HttpRequest.newBuilder(base).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** POSTs form parameters (a query with a long vector). */
    JsonNode postForm(String path, List<String> pairs) throws IOException {
        String body = form(pairs);
        return send(path, base -> HttpRequest.newBuilder(base).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POSTs raw bytes (a configset zip). */
    JsonNode postBytes(String path, String contentType, byte[] bytes) throws IOException {
        return send(path, base -> HttpRequest.newBuilder(base).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    JsonNode get(String path) throws IOException {
        return send(path, base -> HttpRequest.newBuilder(base).GET());
    }

    private interface RequestFor {
        HttpRequest.Builder at(URI uri);
    }

    private JsonNode send(String path, RequestFor request) throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String lastProblem = "no live Solr node";
        long pause = 200;
        while (true) {
            List<URI> live = liveNodes;
            if (live == null) {
                live = nodes.live();
                liveNodes = live;
            }
            if (!live.isEmpty()) {
                URI base = live.get(Math.floorMod(next++, live.size()));
                URI uri = URI.create(base + path + (path.contains("?") ? "&" : "?") + "wt=json");
                try {
                    HttpRequest.Builder b = request.at(uri).timeout(Duration.ofSeconds(60));
                    credentials.ifPresent(c -> b.header("Authorization", c.authorizationHeader()));
                    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                    JsonNode body = parse(r.body());
                    if (r.statusCode() == 200) {
                        return body;
                    }
                    if (r.statusCode() == 401 || r.statusCode() == 403) {
                        throw new SolrStoreException("SolrCloud at " + zkHost + " refused " + describe(path) + " (HTTP "
                                + r.statusCode() + "): " + (credentials.isEmpty()
                                ? "it requires a user name and password; name a credentials file with `sightline config set "
                                        + "solr.credentials-file FILE` (one line USER:PASSWORD, readable only by you)"
                                : "the credentials of " + credentials.get().user() + " were not accepted for it"), r.statusCode());
                    }
                    liveNodes = null;
                    String message = errorMessage(body, r.body());
                    lastProblem = base + " answered HTTP " + r.statusCode() + ": " + message;
                    if (!transientFailure(r.statusCode(), message)) {
                        throw new SolrStoreException("SolrCloud at " + zkHost + " refused " + describe(path) + ": " + message,
                                r.statusCode());
                    }
                } catch (IOException e) {
                    if (e instanceof SolrStoreException s) {
                        throw s;
                    }
                    javax.net.ssl.SSLException tls = tlsFailure(e);
                    if (tls != null) {
                        throw new SolrStoreException("the SolrCloud node " + base.getHost() + ":" + base.getPort() + " (ZooKeeper "
                                + zkHost + ") presented a certificate this workstation does not trust (" + tls.getMessage()
                                + "); " + (trust.isPresent() ? "it does not chain to a certificate in " + trust.get().file()
                                        + " (the setting solr.truststore)" : "if the cluster has its own certificate authority, name a "
                                        + "truststore holding it with `sightline config set solr.truststore FILE` and its password file "
                                        + "with `sightline config set solr.truststore-password-file FILE`"), e);
                    }
                    lastProblem = base + " did not answer: " + e;
                    liveNodes = null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SolrStoreException("interrupted while waiting for SolrCloud at " + zkHost, e);
                }
            }
            liveNodes = null;
            if (System.nanoTime() > deadline) {
                throw new SolrStoreException("SolrCloud at " + zkHost + " could not serve " + describe(path) + " within "
                        + PATIENCE.toSeconds() + " s; last problem: " + lastProblem);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SolrStoreException("interrupted while waiting for SolrCloud at " + zkHost, e);
            }
            pause = Math.min(pause * 2, 2_000);
        }
    }

    /**
     * The TLS failure behind a failed request when the node's certificate was refused (not trusted, or not naming the
     * host), or null for any other failure (a node going down mid-handshake is retried like any node not answering).
     */
    private static javax.net.ssl.SSLException tlsFailure(Throwable e) {
        javax.net.ssl.SSLException tls = null;
        boolean certificateRefused = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException s && tls == null) {
                tls = s;
            }
            certificateRefused |= t instanceof java.security.cert.CertificateException
                    || t instanceof javax.net.ssl.SSLPeerUnverifiedException;
        }
        return certificateRefused ? tls : null;
    }

    private static String describe(String path) {
        int q = path.indexOf('?');
        return "the request " + (q < 0 ? path : path.substring(0, q));
    }

    private static boolean transientFailure(int status, String message) {
        String m = message.toLowerCase(java.util.Locale.ROOT);
        return status == 503 || status == 502 || status == 504
                || status >= 500 && (m.contains("leader") || m.contains("no servers hosting") || m.contains("connection")
                || m.contains("timeout") || m.contains("not active") || m.contains("down"));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("raw", body.length() > 500 ? body.substring(0, 500) : body);
        }
    }

    private static String errorMessage(JsonNode body, String raw) {
        JsonNode msg = body.path("error").path("msg");
        if (msg.isTextual()) {
            return msg.asText();
        }
        String s = raw == null ? "" : raw.strip();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** Query parameters as a list of pairs, for {@link #postForm}. */
    static List<String> params(Map<String, String> single, String... more) {
        List<String> out = new ArrayList<>();
        single.forEach((k, v) -> {
            out.add(k);
            out.add(v);
        });
        out.addAll(List.of(more));
        return out;
    }

    @Override
    public void close() {
        nodes.close();
        http.close();
    }
}
