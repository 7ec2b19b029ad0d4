package org.sightline.indexer.app;

import java.util.Optional;
import org.sightline.models.runtime.VisionLanguageModel;

/**
 * Where the workspace gets the active vision-language model from. In the application this is the model store
 * in the data directory; tests may supply a model directly.
 */
public interface ActiveModelSource {

    /**
     * A key that changes whenever the active model changes (e.g. the active pack's model id); empty when no model
     * is active. Cheap to call: the workspace compares it before each search to reopen the model when it changed.
     */
    Optional<String> activeKey();

    /** Opens the active model; the caller closes it. Fails with a message naming the problem when none is active. */
    VisionLanguageModel openActive();

    /** A source that always hands out the same model (tests, benchmarks). The model is not closed by callers. */
    static ActiveModelSource of(VisionLanguageModel model) {
        return new ActiveModelSource() {
            @Override
            public Optional<String> activeKey() {
                return Optional.of(model.id().asString());
            }

            @Override
            public VisionLanguageModel openActive() {
                return new UnclosableModel(model);
            }
        };
    }
}
