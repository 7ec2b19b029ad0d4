package org.sightline.indexer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sightline.indexer.bench.BenchPacks;
import org.sightline.indexer.bench.ModelAgreement;
import org.sightline.indexer.bench.ProcessMemory;
import org.sightline.models.bench.ModelThroughput;
import org.sightline.models.generate.VitB32BenchPack.Precision;
import org.sightline.models.runtime.OnnxVisionLanguageModel;
import org.sightline.models.runtime.RuntimeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sightline bench model}: model-only throughput of the full-size benchmark model (CLIP ViT-B/32 architecture). */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = {"Frames/s through the image encoder at batch 1, 8, 32 and prompts/s through the text encoder,",
                "with sightline-bench-vitb32 (CLIP ViT-B/32 architecture, random weights, for timing only),",
                "generated on first use into DATA/bench-models. With both precisions, also how closely int8 agrees with fp32."})
public class BenchModelCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Option(names = "--precision", description = "fp32, int8 or both (default: ${DEFAULT-VALUE})", defaultValue = "both")
    String precision;

    @Option(names = "--threads", description = "ONNX Runtime intra-op threads (default: all cores)")
    Integer threads;

    @Option(names = "--batches", split = ",", description = "batch sizes (default: 1,8,32)", defaultValue = "1,8,32")
    List<Integer> batches;

    @Option(names = "--seconds", description = "seconds per measurement (default: ${DEFAULT-VALUE})", defaultValue = "4")
    double seconds;

    @Override
    public Integer call() throws Exception {
        List<Precision> precisions = switch (precision.toLowerCase(Locale.ROOT)) {
            case "fp32" -> List.of(Precision.FP32);
            case "int8" -> List.of(Precision.INT8);
            case "both" -> List.of(Precision.FP32, Precision.INT8);
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--precision must be fp32, int8 or both, not " + precision);
        };
        RuntimeOptions defaults = RuntimeOptions.defaults();
        RuntimeOptions options = new RuntimeOptions(threads == null ? defaults.intraOpThreads() : threads,
                defaults.interOpThreads(), Math.max(defaults.maxBatch(), batches.stream().max(Integer::compare).orElse(32)));
        BenchPacks packs = new BenchPacks(dataOption.directory().root().resolve("bench-models"));
        ModelThroughput throughput = new ModelThroughput(batches, seconds,
                List.of("a red car", "a person in a blue jacket", "white van at the gate", "green bicycle", "a grey truck"));
        System.out.printf(Locale.ROOT, "cores %d, ONNX Runtime intra-op threads %d%n",
                Runtime.getRuntime().availableProcessors(), options.intraOpThreads());
        List<OnnxVisionLanguageModel> open = new ArrayList<>();
        try {
            for (Precision p : precisions) {
                OnnxVisionLanguageModel model = packs.open(p, options, System.err);
                open.add(model);
                System.out.print(throughput.measure(model).describe());
                System.out.printf(Locale.ROOT, "  process memory: %s%n", ProcessMemory.describe());
            }
            if (open.size() == 2) {
                ModelAgreement.Result a = ModelAgreement.compare(open.get(0), open.get(1), 32);
                System.out.printf(Locale.ROOT, "int8 vs fp32 over %d frames: cosine min %.4f, mean %.4f; prompts: min %.4f%n",
                        a.frames(), a.minCosine(), a.meanCosine(), a.promptCosine());
            }
        } finally {
            open.forEach(OnnxVisionLanguageModel::close);
        }
        return 0;
    }
}
