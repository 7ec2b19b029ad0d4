package org.sightline.indexer.ingest;

/** Told about an index job as it runs. Called from the job's threads: a UI must hop to its own thread. */
public interface IngestListener {
    default void progress(IngestProgress progress) {
    }

    default void fileFinished(FileOutcome outcome) {
    }

    IngestListener NONE = new IngestListener() {
    };
}
