package org.sightline.indexer.index;

import java.io.IOException;
import java.nio.file.Path;

/** Another Sightline process holds the search index for writing (it is indexing): this one can search, not index. */
public final class IndexBusyException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param dataDirectory the data directory whose index is held, or null when not known
     * @param cause         the lock failure, or null
     */
    public IndexBusyException(Path dataDirectory, Throwable cause) {
        super("another Sightline process is indexing into " + (dataDirectory == null ? "this data directory" : dataDirectory)
                + "; try again when it is done", cause);
    }
}
