package org.sightline.indexer;

import java.util.Optional;
import org.sightline.indexer.ingest.FootageReader;
import org.sightline.indexer.ingest.JavaCvFootageReader;
import org.sightline.models.pack.ModelStore;
import org.sightline.models.runtime.VisionLanguageModel;

/** The production model source and footage reader a workspace uses unless told otherwise. */
final class DefaultServices {
    private DefaultServices() {
    }

    /** The active pack of the model store; the key is the pack name, so activating another pack reopens the model. */
    static ActiveModelSource modelSource(ModelStore store) {
        return new ActiveModelSource() {
            @Override
            public Optional<String> activeKey() {
                return store.active();
            }

            @Override
            public VisionLanguageModel openActive() {
                return store.openActive();
            }
        };
    }

    static FootageReader footageReader() {
        return new JavaCvFootageReader();
    }
}
