package org.sightline.models.pack;

import java.util.Objects;

/**
 * Identity of the model that produced a vector: {@code name@version#hash12}, where the hash is the first 12
 * hex digits of the SHA-256 of the pack's manifest file. Stored with every vector.
 */
public record ModelId(String name, String version, String manifestSha256) {
    public ModelId {
        Objects.requireNonNull(name);
        Objects.requireNonNull(version);
        Objects.requireNonNull(manifestSha256);
    }

    /** The compact form stored in the index and catalog, e.g. {@code sightline-demo-colours@1.0#3fa2c81d09be}. */
    public String asString() {
        return name + "@" + version + "#" + manifestSha256.substring(0, Math.min(12, manifestSha256.length()));
    }

    @Override
    public String toString() {
        return asString();
    }
}
