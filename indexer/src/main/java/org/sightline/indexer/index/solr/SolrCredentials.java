package org.sightline.indexer.index.solr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A user name and password for a SolrCloud protected by Solr's basic authentication plugin. Kept in a file of one line,
 * {@code USER:PASSWORD}, readable only by its owner (never in {@code settings.json}, a command line or a log); the
 * password never appears in {@link #toString()}.
 */
public final class SolrCredentials {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final String user;
    private final String password;

    public SolrCredentials(String user, String password) {
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        if (user.isEmpty() || user.contains(":") || password.isEmpty()) {
            throw new IllegalArgumentException("Solr credentials need a user name without ':' and a password");
        }
    }

    /**
     * Reads {@code USER:PASSWORD} from {@code file}, refusing (in plain words) a file that others may read or write, a
     * missing file and a malformed one.
     */
    public static SolrCredentials read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new SolrStoreException("the Solr credentials file " + file + " does not exist");
        }
        requirePrivate(file, "the Solr credentials file");
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.contains("\n")) {
            throw new SolrStoreException("the Solr credentials file " + file + " must hold one line USER:PASSWORD");
        }
        return new SolrCredentials(text.substring(0, colon), text.substring(colon + 1));
    }

    /** Refuses, in plain words naming {@code what}, a file that users other than its owner may read or change. */
    static void requirePrivate(Path file, String what) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (posix != null) {
            Set<PosixFilePermission> open = EnumSet.copyOf(posix.readAttributes().permissions());
            open.retainAll(OTHERS);
            if (!open.isEmpty()) {
                throw new SolrStoreException(what + " " + file + " may be read or changed by other users "
                        + open + "; make it private first: chmod 600 " + file);
            }
        }
    }

    public String user() {
        return user;
    }

    /** The value of an HTTP {@code Authorization} header carrying these credentials. */
    String authorizationHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Solr user " + user;
    }
}
