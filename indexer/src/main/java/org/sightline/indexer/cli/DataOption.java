package org.sightline.indexer.cli;

import java.nio.file.Path;
import org.sightline.indexer.app.DataDirectory;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option every command takes. */
public class DataOption {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory (default: $SIGHTLINE_HOME, else $XDG_DATA_HOME/sightline, else ~/.local/share/sightline).")
    Path data;

    public DataDirectory directory() {
        return DataDirectory.resolve(data);
    }

    /**
     * The data directory for a subcommand: its own {@code --data} when given, else the parent command's
     * ({@code sightline case --data D show X}), else the default.
     */
    static DataDirectory choose(DataOption own, DataOption parent) {
        if (own != null && own.data != null) {
            return own.directory();
        }
        return parent != null ? parent.directory() : DataDirectory.resolve(null);
    }
}
