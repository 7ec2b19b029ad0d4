package org.sightline.indexer.footage;

/** Receives sampled frames in time order. May block (a bounded queue) and may be interrupted to cancel. */
@FunctionalInterface
public interface FrameSink {
    void accept(SampledFrame frame) throws InterruptedException;
}
