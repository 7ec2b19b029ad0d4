package org.sightline.desktop.services;

import org.sightline.indexer.app.DataDirectory;

/** Opens the services of a data directory (called on a background thread). */
@FunctionalInterface
public interface ServicesOpener {
    DesktopServices open(DataDirectory dir) throws Exception;
}
