package org.sightline.indexer.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.sightline.models.generate.VitB32BenchPack.Precision;
import org.sightline.models.store.ModelStore;
import org.sightline.models.runtime.RuntimeOptions;
import org.sightline.models.runtime.VisionLanguageModel;

/** Which model a benchmark runs: the full-size benchmark model (fp32 or int8) or the demo colour model. */
public enum BenchModelChoice {
    VITB32, VITB32_INT8, DEMO;

    public static BenchModelChoice parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "vitb32", "fp32" -> VITB32;
            case "vitb32-int8", "int8" -> VITB32_INT8;
            case "demo" -> DEMO;
            default -> throw new IllegalArgumentException("model must be vitb32, vitb32-int8 or demo, not " + s);
        };
    }

    /**
     * Opens the model; benchmark packs and a demo pack of their own live in {@code DATA/bench-models}.
     *
     * @param requested session settings, or null for the product's defaults for that pack's size
     */
    public VisionLanguageModel open(Path dataRoot, RuntimeOptions requested, PrintStream log) throws IOException {
        RuntimeOptions options = requested == null ? RuntimeOptions.defaults() : requested;
        return switch (this) {
            case VITB32 -> new BenchPacks(dataRoot.resolve("bench-models")).open(Precision.FP32, options, log);
            case VITB32_INT8 -> new BenchPacks(dataRoot.resolve("bench-models")).open(Precision.INT8, options, log);
            case DEMO -> {
                // a store of its own beside the benchmark packs, reused between runs (installDemo is idempotent)
                ModelStore store = new ModelStore(dataRoot.resolve("bench-models").resolve("demo-store"));
                store.installDemo();
                yield store.open(store.active().orElseThrow(), requested);
            }
        };
    }
}
