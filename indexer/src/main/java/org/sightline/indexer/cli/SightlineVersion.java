package org.sightline.indexer.cli;

import picocli.CommandLine.IVersionProvider;

/** The tool version recorded in exports and shown by {@code --version}. */
public class SightlineVersion implements IVersionProvider {
    public static String version() {
        String v = SightlineVersion.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Sightline " + version()};
    }
}
