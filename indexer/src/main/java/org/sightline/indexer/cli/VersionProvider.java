package org.sightline.indexer.cli;

import org.sightline.indexer.SightlineVersion;
import picocli.CommandLine.IVersionProvider;

/** What {@code sightline --version} prints. */
public class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"Sightline " + SightlineVersion.version()};
    }
}
