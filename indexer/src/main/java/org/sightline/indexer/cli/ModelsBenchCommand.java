package org.sightline.indexer.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.sightline.models.bench.ModelThroughput;
import org.sightline.models.pack.ModelStore;
import org.sightline.models.pack.NoActiveModelException;
import org.sightline.models.pack.VerifiedPack;
import org.sightline.models.runtime.OnnxVisionLanguageModel;
import org.sightline.models.runtime.RuntimeOptions;
import org.sightline.models.runtime.VisionLanguageModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sightline models bench [NAME]}: frames/s and prompts/s of a pack on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure a model pack's speed on this machine: frames/s at batch sizes 1, 8 and 32 (preprocessing included) and prompts/s.")
public class ModelsBenchCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Spec
    CommandSpec spec;

    @ParentCommand
    ModelsCommand parent;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Installed pack (default: the active one).")
    String name;

    @Option(names = "--seconds", defaultValue = "3", description = "Seconds per measurement (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--threads", description = "ONNX Runtime intra-op threads (default: 1 for packs under 16 MB, else all cores).")
    Integer threads;

    @Option(names = "--batches", split = ",", defaultValue = "1,8,32", description = "Batch sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> batches;

    @Override
    public Integer call() {
        return ModelsCommand.run(spec, out -> {
            ModelStore store = ModelsCommand.store(dataOption, parent);
            String pack = name != null ? name : store.active().orElseThrow(NoActiveModelException::new);
            VerifiedPack verified = store.verify(pack);
            RuntimeOptions defaults = RuntimeOptions.forEncoderBytes((long) verified.imageEncoder().length + verified.textEncoder().length);
            RuntimeOptions options = new RuntimeOptions(threads == null ? defaults.intraOpThreads() : threads, 1,
                    Math.max(defaults.maxBatch(), batches.stream().mapToInt(Integer::intValue).max().orElse(1)));
            out.println("Measuring " + pack + " with " + options.intraOpThreads() + " intra-op thread(s), " + seconds + " s per measurement...");
            out.flush();
            try (VisionLanguageModel model = OnnxVisionLanguageModel.open(verified, options)) {
                ModelThroughput.Result r = new ModelThroughput(batches, seconds, ModelThroughput.standard().prompts()).measure(model);
                out.print(r.describe());
            }
            return 0;
        });
    }
}
