package org.sightline.models.runtime;

/**
 * ONNX Runtime session settings.
 *
 * @param intraOpThreads threads one inference may use (ONNX Runtime's intra-op pool)
 * @param interOpThreads threads for running independent graph branches at once
 * @param maxBatch       frames per encoder call; longer lists are split
 * @param spinWait       whether the image encoder's idle intra-op threads spin between operators (ONNX Runtime's
 *                       default) instead of sleeping; spinning burns the core that decoding and preprocessing could
 *                       use meanwhile. The text encoder always spins: a prompt is encoded alone, and spinning gave
 *                       43 against 32-41 prompts/s.
 * @param graphOptimisation ONNX Runtime's graph optimisation level
 * @param memoryArena    whether ONNX Runtime keeps freed CPU buffers in its arena for the next call
 */
public record RuntimeOptions(int intraOpThreads, int interOpThreads, int maxBatch, boolean spinWait,
        GraphOptimisation graphOptimisation, boolean memoryArena) {

    /** ONNX Runtime's graph optimisation levels (constant folding and fusions; ALL adds layout changes). */
    public enum GraphOptimisation { NONE, BASIC, EXTENDED, ALL }

    /** Measured with {@code sightline bench model --graph-optimisation} (docs/benchmarks.md). */
    public static final GraphOptimisation DEFAULT_GRAPH_OPTIMISATION = GraphOptimisation.ALL;
    /** Measured with {@code sightline bench model --memory-arena} (docs/benchmarks.md). */
    public static final boolean DEFAULT_MEMORY_ARENA = true;
    /**
     * The image encoder's intra-op threads sleep instead of spinning by default. Measured with {@code sightline bench
     * index --spin-wait} on the 2-core development machine (docs/benchmarks.md): model-only throughput is the same
     * either way (71-73 frames/s int8), while indexing, where decoding runs beside the model, is about 10% faster
     * without spinning (128-137x against 117-119x realtime).
     */
    public static final boolean DEFAULT_SPIN_WAIT = false;

    /** Encoders smaller than this run on one intra-op thread: waking a pool costs more than their work. */
    public static final long SMALL_MODEL_BYTES = 16L << 20;

    public RuntimeOptions {
        if (intraOpThreads < 1 || interOpThreads < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("threads and batch must be at least 1");
        }
        if (graphOptimisation == null) {
            throw new IllegalArgumentException("graph optimisation level is required");
        }
    }

    public RuntimeOptions(int intraOpThreads, int interOpThreads, int maxBatch) {
        this(intraOpThreads, interOpThreads, maxBatch, DEFAULT_SPIN_WAIT, DEFAULT_GRAPH_OPTIMISATION, DEFAULT_MEMORY_ARENA);
    }

    /**
     * All cores for one inference, one graph branch at a time, batches of up to 32. On the 2-core development
     * machine 2 intra-op threads gave the best frames/s for CLIP ViT-B/32 at batch 8 (see stack notes).
     */
    public static RuntimeOptions defaults() {
        return new RuntimeOptions(Math.max(1, Runtime.getRuntime().availableProcessors()), 1, 32);
    }

    /**
     * Defaults for encoders of the given total size: one intra-op thread for small models (the demo colour model ran
     * 3-6x faster per frame on one thread than on two on the 2-core development machine under load), all cores otherwise.
     */
    public static RuntimeOptions forEncoderBytes(long bytes) {
        RuntimeOptions d = defaults();
        return bytes < SMALL_MODEL_BYTES ? new RuntimeOptions(1, 1, d.maxBatch()) : d;
    }

    public RuntimeOptions withSpinWait(boolean spin) {
        return new RuntimeOptions(intraOpThreads, interOpThreads, maxBatch, spin, graphOptimisation, memoryArena);
    }

    public RuntimeOptions withGraphOptimisation(GraphOptimisation level) {
        return new RuntimeOptions(intraOpThreads, interOpThreads, maxBatch, spinWait, level, memoryArena);
    }

    public RuntimeOptions withMemoryArena(boolean arena) {
        return new RuntimeOptions(intraOpThreads, interOpThreads, maxBatch, spinWait, graphOptimisation, arena);
    }
}
