package org.sightline.indexer.index.solr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for a loopback SolrCloud served over HTTPS ({@code sightline solr dev-cluster --tls} and
 * the tests), made with the JDK's {@code keytool}: a keystore with the nodes' key (for {@code localhost} and
 * {@code 127.0.0.1}), a truststore holding only its certificate (what workstations name as {@code solr.truststore}),
 * and a private file with the password of both.
 *
 * @param keystore     the nodes' key and certificate (PKCS12)
 * @param truststore   the certificate alone (PKCS12)
 * @param passwordFile the password of both, one line, readable only by its owner
 */
public record SolrDevCertificate(Path keystore, Path truststore, Path passwordFile) {
    /** Makes the three files in {@code dir} (created when missing). */
    public static SolrDevCertificate create(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path keystore = dir.resolve("solr-keystore.p12");
        Path truststore = dir.resolve("solr-truststore.p12");
        Path certificate = dir.resolve("solr-certificate.pem");
        Path password = dir.resolve("solr-truststore.password");
        for (Path p : List.of(keystore, truststore, certificate, password)) {
            Files.deleteIfExists(p);
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        Files.createFile(password, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(password, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n", StandardCharsets.UTF_8);
        String pass = password.toString();
        keytool(dir, "-genkeypair", "-alias", "solr", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "365",
                "-dname", "CN=localhost, OU=Sightline dev cluster", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass:file", pass, "-keypass:file", pass);
        keytool(dir, "-exportcert", "-rfc", "-alias", "solr", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass:file", pass, "-file", certificate.toString());
        keytool(dir, "-importcert", "-noprompt", "-alias", "sightline-dev-cluster", "-file", certificate.toString(),
                "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass:file", pass);
        return new SolrDevCertificate(keystore, truststore, password);
    }

    private static void keytool(Path dir, String... args) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Path log = dir.resolve("keytool.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SolrStoreException("the JDK's keytool (" + keytool + ") did not finish " + args[0] + " within 60 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SolrStoreException("interrupted while making the dev cluster's certificate with keytool", e);
        }
        if (p.exitValue() != 0) {
            throw new SolrStoreException("the JDK's keytool (" + keytool + ") failed to " + args[0] + " (exit status "
                    + p.exitValue() + "); its output is in " + log);
        }
    }
}
