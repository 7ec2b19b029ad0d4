package org.sightline.indexer.export;

/** Progress of an export, for a progress bar: steps done of the total, and what is happening now. */
@FunctionalInterface
public interface ExportProgress {
    ExportProgress NONE = (done, total, message) -> { };

    void update(int done, int total, String message);
}
