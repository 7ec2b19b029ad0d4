package org.sightline.indexer.index;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The Lucene index of a data directory cannot be read (a file of it deleted or damaged). The catalog, cases and audit
 * trail are separate and unaffected; the index can be set aside and rebuilt from the catalog and the footage.
 */
public final class DamagedIndexException extends IOException {
    private static final long serialVersionUID = 1L;

    private final Path indexDir;

    public DamagedIndexException(Path indexDir, Throwable cause) {
        super("the search index in " + indexDir + " is damaged (" + reason(cause) + "). The catalog, cases and audit "
                + "trail are kept apart from it and are intact. Run `sightline index --rebuild-index` to set the damaged "
                + "index aside and embed every catalogued video again.", cause);
        this.indexDir = indexDir;
    }

    public Path indexDir() {
        return indexDir;
    }

    private static String reason(Throwable cause) {
        if (cause instanceof java.nio.file.NoSuchFileException n) {
            return "its file " + Path.of(n.getFile()).getFileName() + " is missing";
        }
        String m = cause.getMessage();
        return m == null ? cause.getClass().getSimpleName() : m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }
}
