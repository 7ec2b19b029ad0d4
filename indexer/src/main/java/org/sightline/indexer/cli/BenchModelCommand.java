package org.sightline.indexer.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sightline.indexer.bench.BenchModelChoice;
import org.sightline.indexer.bench.ModelAgreement;
import org.sightline.indexer.bench.ProcessMemory;
import org.sightline.models.bench.ModelThroughput;
import org.sightline.models.runtime.RuntimeOptions;
import org.sightline.models.runtime.VisionLanguageModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sightline bench model}: model-only throughput of the full-size benchmark model or the demo model. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = {"Frames/s through the image encoder at batch 1, 8, 32 and prompts/s through the text encoder.",
                "vitb32 and vitb32-int8 are sightline-bench-vitb32 (CLIP ViT-B/32 architecture, random weights, for timing",
                "only), generated on first use into DATA/bench-models; demo is the demonstration colour model.",
                "With both vitb32 and vitb32-int8, also how closely int8 agrees with fp32."})
public class BenchModelCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Option(names = "--model", split = ",", description = "vitb32, vitb32-int8, demo (default: ${DEFAULT-VALUE})",
            defaultValue = "vitb32,vitb32-int8")
    List<String> models;

    @Option(names = "--threads", description = "ONNX Runtime intra-op threads (default: all cores)")
    Integer threads;

    @Option(names = "--spin-wait", description = "let idle ONNX Runtime threads spin instead of sleeping (default: ${DEFAULT-VALUE})",
            defaultValue = "" + RuntimeOptions.DEFAULT_SPIN_WAIT)
    boolean spinWait;

    @Option(names = "--graph-optimisation", description = "NONE, BASIC, EXTENDED or ALL (default: ${DEFAULT-VALUE})")
    RuntimeOptions.GraphOptimisation graphOptimisation = RuntimeOptions.DEFAULT_GRAPH_OPTIMISATION;

    @Option(names = "--memory-arena", description = "keep freed buffers in ONNX Runtime's arena (default: ${DEFAULT-VALUE})",
            defaultValue = "" + RuntimeOptions.DEFAULT_MEMORY_ARENA)
    boolean memoryArena;

    @Option(names = "--batches", split = ",", description = "batch sizes (default: ${DEFAULT-VALUE})", defaultValue = "1,8,32")
    List<Integer> batches;

    @Option(names = "--seconds", description = "seconds per measurement (default: ${DEFAULT-VALUE})", defaultValue = "4")
    double seconds;

    @Override
    public Integer call() throws Exception {
        RuntimeOptions defaults = RuntimeOptions.defaults();
        // without --threads each pack runs with the product's defaults for its size
        boolean productDefaults = threads == null && spinWait == RuntimeOptions.DEFAULT_SPIN_WAIT
                && graphOptimisation == RuntimeOptions.DEFAULT_GRAPH_OPTIMISATION && memoryArena == RuntimeOptions.DEFAULT_MEMORY_ARENA;
        RuntimeOptions options = productDefaults ? null
                : new RuntimeOptions(threads == null ? defaults.intraOpThreads() : threads, defaults.interOpThreads(),
                        Math.max(defaults.maxBatch(), batches.stream().max(Integer::compare).orElse(32)), spinWait,
                        graphOptimisation, memoryArena);
        ModelThroughput throughput = new ModelThroughput(batches, seconds,
                List.of("a red car", "a person in a blue jacket", "white van at the gate", "green bicycle", "a grey truck"));
        System.out.printf(Locale.ROOT, "cores %d, ONNX Runtime intra-op threads %s%n", Runtime.getRuntime().availableProcessors(),
                threads == null ? "per pack (all cores; 1 for packs under 16 MB)" : threads);
        Map<BenchModelChoice, VisionLanguageModel> open = new LinkedHashMap<>();
        try {
            for (String name : models) {
                BenchModelChoice choice = BenchModelChoice.parse(name);
                VisionLanguageModel model = choice.open(dataOption.directory().root(), options, System.err);
                open.put(choice, model);
                System.out.print(throughput.measure(model).describe());
                System.out.printf(Locale.ROOT, "  process memory: %s%n", ProcessMemory.describe());
            }
            if (open.containsKey(BenchModelChoice.VITB32) && open.containsKey(BenchModelChoice.VITB32_INT8)) {
                ModelAgreement.Result a = ModelAgreement.compare(open.get(BenchModelChoice.VITB32),
                        open.get(BenchModelChoice.VITB32_INT8), 32);
                System.out.printf(Locale.ROOT, "int8 vs fp32 over %d frames: cosine min %.4f, mean %.4f; prompts: min %.4f%n",
                        a.frames(), a.minCosine(), a.meanCosine(), a.promptCosine());
            }
        } finally {
            new ArrayList<>(open.values()).forEach(VisionLanguageModel::close);
        }
        return 0;
    }
}
