package org.sightline.indexer;

import java.util.Optional;
import org.sightline.indexer.ingest.FootageReader;
import org.sightline.models.runtime.VisionLanguageModel;

/** The production model source and footage reader a workspace uses unless told otherwise. */
final class DefaultServices {
    private DefaultServices() {
    }

    static ActiveModelSource modelSource(DataDirectory dir) {
        // replaced by the model store once the models module provides it
        return new ActiveModelSource() {
            @Override
            public Optional<String> activeKey() {
                return Optional.empty();
            }

            @Override
            public VisionLanguageModel openActive() {
                throw new IllegalStateException("no model pack installed in " + dir.modelsDir());
            }
        };
    }

    static FootageReader footageReader() {
        return null;
    }
}
