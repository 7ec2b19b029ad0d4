package org.sightline.indexer.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The signers a verification accepts: any valid signer (no requirement), or only keys with the listed fingerprints.
 * A trusted-keys file has one fingerprint per line, optionally followed by the examiner's name; '#' starts a comment.
 */
public record TrustedKeys(Set<KeyFingerprint> fingerprints) {

    public TrustedKeys {
        fingerprints = Set.copyOf(fingerprints);
    }

    public static TrustedKeys anySigner() {
        return new TrustedKeys(Set.of());
    }

    public static TrustedKeys of(List<KeyFingerprint> fingerprints) {
        return new TrustedKeys(new LinkedHashSet<>(fingerprints));
    }

    /** Reads a trusted-keys file; a line that is not a fingerprint is an error naming the file and line. */
    public static TrustedKeys read(Path file) throws IOException {
        Set<KeyFingerprint> out = new LinkedHashSet<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            String first = content.split("\\s+")[0];
            try {
                out.add(KeyFingerprint.parse(first));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new IOException("the trusted-keys file " + file + " lists no fingerprints");
        }
        return new TrustedKeys(out);
    }

    /** This set and another together. */
    public TrustedKeys and(TrustedKeys other) {
        Set<KeyFingerprint> all = new LinkedHashSet<>(fingerprints);
        all.addAll(other.fingerprints);
        return new TrustedKeys(all);
    }

    /** Whether a particular signer is required. */
    public boolean restricts() {
        return !fingerprints.isEmpty();
    }

    public boolean accepts(KeyFingerprint fingerprint) {
        return !restricts() || fingerprints.contains(fingerprint);
    }
}
