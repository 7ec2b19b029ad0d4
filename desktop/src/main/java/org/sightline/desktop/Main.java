package org.sightline.desktop;

import javafx.application.Application;
import org.sightline.indexer.cli.SightlineCommand;
import org.sightline.models.OfflineMode;

/**
 * The one entry point: no arguments opens the desktop workstation, anything else runs the command line.
 * Not an {@link Application} subclass, so it starts from a plain class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        OfflineMode.enforce();
        if (args.length == 0) {
            Application.launch(SightlineApp.class, args);
        } else {
            System.exit(SightlineCommand.execute(args));
        }
    }
}
