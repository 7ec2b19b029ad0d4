package org.sightline.models.runtime;

/**
 * ONNX Runtime session settings.
 *
 * @param intraOpThreads threads one inference may use (ONNX Runtime's intra-op pool)
 * @param interOpThreads threads for running independent graph branches at once
 * @param maxBatch       frames per encoder call; longer lists are split
 */
public record RuntimeOptions(int intraOpThreads, int interOpThreads, int maxBatch) {
    public RuntimeOptions {
        if (intraOpThreads < 1 || interOpThreads < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("threads and batch must be at least 1");
        }
    }

    /**
     * All cores for one inference, one graph branch at a time, batches of up to 32. On the 2-core development
     * machine 2 intra-op threads gave the best frames/s for CLIP ViT-B/32 at batch 8 (see stack notes).
     */
    public static RuntimeOptions defaults() {
        return new RuntimeOptions(Math.max(1, Runtime.getRuntime().availableProcessors()), 1, 32);
    }
}
