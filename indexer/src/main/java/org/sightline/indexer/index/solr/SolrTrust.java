package org.sightline.indexer.index.solr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates this workstation trusts for a SolrCloud served over HTTPS whose certificate authority is its own (not
 * one the JDK trusts): a truststore file (PKCS12 or JKS) and a private file holding its password (one line, readable
 * only by its owner, as the credentials file; never in {@code settings.json}, a command line or a log).
 */
public final class SolrTrust {
    private final Path truststore;
    private final SSLContext context;

    private SolrTrust(Path truststore, SSLContext context) {
        this.truststore = truststore;
        this.context = context;
    }

    /**
     * Reads the truststore, refusing in plain words a missing or unreadable one, a wrong password, and a password file
     * others may read.
     */
    public static SolrTrust read(Path truststore, Path passwordFile) throws IOException {
        if (!Files.isRegularFile(truststore)) {
            throw new SolrStoreException("the Solr truststore " + truststore + " does not exist");
        }
        if (passwordFile == null) {
            throw new SolrStoreException("the Solr truststore " + truststore + " needs its password file: set it with "
                    + "`sightline config set solr.truststore-password-file FILE` (one line, readable only by you)");
        }
        if (!Files.isRegularFile(passwordFile)) {
            throw new SolrStoreException("the Solr truststore password file " + passwordFile + " does not exist");
        }
        SolrCredentials.requirePrivate(passwordFile, "the Solr truststore password file");
        char[] password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
        try {
            KeyStore store = KeyStore.getInstance(truststore.toFile(), password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return new SolrTrust(truststore, context);
        } catch (IOException | GeneralSecurityException e) {
            throw new SolrStoreException("the Solr truststore " + truststore + " cannot be read with the password in "
                    + passwordFile + " (" + e.getMessage() + "); check that it is a PKCS12 or JKS truststore and its password", e);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** The truststore file. */
    public Path file() {
        return truststore;
    }

    SSLContext sslContext() {
        return context;
    }

    @Override
    public String toString() {
        return "Solr truststore " + truststore;
    }
}
