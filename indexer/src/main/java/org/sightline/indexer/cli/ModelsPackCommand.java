package org.sightline.indexer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sightline.models.pack.PackBuilder;
import org.sightline.models.pack.PackManifest;
import org.sightline.models.pack.PackVerifier;
import org.sightline.models.pack.VerifiedPack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sightline models pack DIR --name N}: make a pack from a Hugging Face / transformers.js export. */
@Command(name = "pack",
        description = {"Turn a Hugging Face / transformers.js export (onnx/vision_model*.onnx, onnx/text_model*.onnx, tokenizer.json,"
                        + " preprocessor_config.json) into a model pack by writing " + PackManifest.FILE_NAME + "; tensor names and"
                        + " dimensions are read from the ONNX files. Then install it with `sightline models import`."})
public class ModelsPackCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(paramLabel = "DIR", description = "The export folder.")
    Path dir;

    @Option(names = "--name", required = true, description = "Pack name (letters, digits, '.', '_', '-').")
    String name;

    @Option(names = "--version", defaultValue = "1.0", description = "Pack version (default: ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--licence", defaultValue = "see the model's source", description = "Licence of the model files (default: ${DEFAULT-VALUE}).")
    String licence;

    @Option(names = "--variant", description = "Which ONNX files when there are several, e.g. quantized, fp16, or '' for vision_model.onnx (default: the only one, else quantized).")
    String variant;

    @Option(names = "--out", paramLabel = "DIR", description = "Copy the pack's files to this folder and write the manifest there (default: write it into the export folder).")
    Path out;

    @Override
    public Integer call() {
        return ModelsCommand.run(spec, o -> {
            VerifiedPack pack = new PackBuilder(new PackVerifier()).build(dir, new PackBuilder.Request(name, version, licence, variant), out);
            o.println("Wrote " + pack.dir().resolve(PackManifest.FILE_NAME));
            o.println("Pack " + ModelsCommand.describe(pack) + " verifies.");
            o.println("  image: " + pack.manifest().image().input() + " -> " + pack.manifest().image().output() + ", "
                    + pack.manifest().image().size() + " px, " + pack.manifest().image().resize().name().toLowerCase());
            o.println("  text:  " + pack.manifest().text().input() + (pack.manifest().text().takesAttentionMask() ? " + " + pack.manifest().text().attentionMaskInput() : "")
                    + " -> " + pack.manifest().text().output() + ", " + pack.manifest().text().contextLength() + " tokens, pad id " + pack.manifest().text().padId());
            pack.recognised().forEach(r -> o.println("  recognised " + r));
            o.println("Install it with: sightline models import " + pack.dir());
            return 0;
        });
    }
}
