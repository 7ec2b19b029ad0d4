package org.sightline.indexer;

/** The version of this Sightline build, as recorded in exports and shown by {@code sightline --version}. */
public final class SightlineVersion {
    private SightlineVersion() {
    }

    /** The jar's implementation version; the development version when run from classes. */
    public static String version() {
        String v = SightlineVersion.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
