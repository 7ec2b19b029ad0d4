package org.sightline.indexer.app;

import java.util.List;
import org.sightline.models.pack.ModelId;
import org.sightline.models.runtime.PreparedImage;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.VisionLanguageModel;

/** Hands a shared model to code that closes what it opens, without closing the shared model. */
final class UnclosableModel implements VisionLanguageModel {
    private final VisionLanguageModel delegate;

    UnclosableModel(VisionLanguageModel delegate) {
        this.delegate = delegate;
    }

    @Override
    public ModelId id() {
        return delegate.id();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public int preferredShortSide() {
        return delegate.preferredShortSide();
    }

    @Override
    public float[][] embedImages(List<RgbFrame> frames) {
        return delegate.embedImages(frames);
    }

    @Override
    public PreparedImage prepareImage(RgbFrame frame) {
        return delegate.prepareImage(frame);
    }

    @Override
    public float[][] embedPrepared(List<PreparedImage> images) {
        return delegate.embedPrepared(images);
    }

    @Override
    public float[] embedText(String prompt) {
        return delegate.embedText(prompt);
    }

    @Override
    public void close() {
    }
}
