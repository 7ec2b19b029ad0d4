package org.sightline.indexer.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.sightline.indexer.ingest.FootageReader;
import org.sightline.indexer.ingest.JavaCvFootageReader;
import org.sightline.models.store.ModelStore;
import org.sightline.models.pack.PackManifest;
import org.sightline.models.runtime.VisionLanguageModel;

/** The production model source and footage reader a workspace uses unless told otherwise. */
final class DefaultServices {
    private DefaultServices() {
    }

    /**
     * The active pack of the model store. The key is the pack name and its manifest's modification time, so
     * activating another pack, or re-importing one under the same name, reopens the model.
     */
    static ActiveModelSource modelSource(ModelStore store) {
        return new ActiveModelSource() {
            @Override
            public Optional<String> activeKey() {
                return store.active().map(name -> {
                    try {
                        Path manifest = store.packDir(name).resolve(PackManifest.FILE_NAME);
                        return name + "@" + Files.getLastModifiedTime(manifest).toMillis();
                    } catch (IOException | RuntimeException e) {
                        return name;
                    }
                });
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
