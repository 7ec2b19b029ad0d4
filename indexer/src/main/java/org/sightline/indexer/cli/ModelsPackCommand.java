package org.sightline.indexer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sightline.models.store.ModelStore;
import org.sightline.models.pack.PackManifest;
import org.sightline.models.pack.PackVerifier;
import org.sightline.models.pack.VerifiedPack;
import org.sightline.models.pack.layout.ExportPacker;
import org.sightline.models.pack.layout.PackRequest;
import org.sightline.models.perception.install.BareDetectorPacker;
import org.sightline.models.perception.DetectorRequest;
import org.sightline.models.perception.PerceptionImport;
import org.sightline.models.perception.PerceptionManifest;
import org.sightline.models.perception.VerifiedPerceptionPack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sightline models pack PATH --out DIR}: make a pack folder from a model export, to carry across an air gap. */
@Command(name = "pack",
        description = {"Make a model pack folder from a model export (Immich, transformers.js/Xenova, optimum model.onnx, Frigate cache,"
                        + " Hugging Face hub cache; a folder or a .zip/.tar of one): the files are copied to --out with a "
                        + PackManifest.FILE_NAME + " whose tensor names, token type, batch size and dimensions are read from the ONNX"
                        + " files, then verified and both encoders run once. The source is never written to. Install the folder with"
                        + " `sightline models import`.",
                "With --decoding and --classes, PATH is a bare ONNX object detector: a detector perception pack is made of it"
                        + " (input name, size and layout read from the model, licence as given, source recorded as user-supplied with"
                        + " its SHA-256), verified and run once on a test picture."})
public class ModelsPackCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(paramLabel = "PATH", description = "The export: a folder, a hub cache folder, or a .zip/.tar of one.")
    Path dir;

    @Option(names = "--name", description = "Pack name (letters, digits, '.', '_', '-'; default: the export's folder or archive name).")
    String name;

    @Option(names = "--version", defaultValue = "1.0", description = "Pack version (default: ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--licence", description = "Licence of the model files (default: \"" + ModelsImportCommand.CLIP_LICENCE
            + "\" for a model export, \"" + DetectorRequest.LICENCE_NOT_STATED + "\" for a bare detector).")
    String licence;

    @Mixin
    DetectorOptions detector;

    @Option(names = "--context-length", paramLabel = "N", description = "Tokens per prompt when an export does not say (or says more than 4096).")
    Integer contextLength;

    @Option(names = "--language", paramLabel = "CODE", description = "NLLB models only: the language prompts are written in,"
            + " as a FLORES-200 code (e.g. fra_Latn, deu_Latn; default eng_Latn).")
    String language;

    @Option(names = "--variant", description = "Which ONNX files when there are several, e.g. quantized, fp16, or '' for vision_model.onnx (default: the only one, else quantized).")
    String variant;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "New or empty folder to make the pack in.")
    Path out;

    @Override
    public Integer call() {
        return ModelsCommand.run(spec, o -> {
            if (detector.given()) {
                VerifiedPerceptionPack p = new BareDetectorPacker().pack(dir, detector.request(spec.commandLine(), name, version, licence), out);
                var entry = p.manifest().models().getFirst();
                o.println("Wrote " + p.dir().resolve(PerceptionManifest.FILE_NAME));
                o.println("Perception pack " + p.name() + " " + p.manifest().version() + " verifies and runs on a test picture.");
                o.println("  detector: " + entry.input() + " " + entry.image().width() + "x" + entry.image().height() + " "
                        + entry.image().layout().name().toLowerCase(java.util.Locale.ROOT) + " -> " + entry.outputs() + ", "
                        + entry.decoding().name().toLowerCase(java.util.Locale.ROOT) + " decoding, " + p.manifest().classNames().size() + " classes");
                o.println("  licence: " + p.manifest().licence());
                PerceptionImport.provenanceOf(p.manifest()).forEach(line -> o.println("  source: " + line));
                o.println("Install it with: sightline models import " + p.dir());
                return 0;
            }
            VerifiedPack pack = ModelStore.standaloneExportPacker().pack(dir, new PackRequest(name, version,
                    licence == null ? ModelsImportCommand.CLIP_LICENCE : licence, variant, contextLength, language), out);
            o.println("Wrote " + pack.dir().resolve(PackManifest.FILE_NAME));
            o.println("Pack " + ModelsCommand.describe(pack) + " verifies.");
            o.println("  image: " + pack.manifest().image().input() + " -> " + pack.manifest().image().output() + ", "
                    + pack.manifest().image().size() + " px, " + pack.manifest().image().resize().name().toLowerCase());
            o.println("  text:  " + pack.manifest().text().input() + (pack.manifest().text().takesAttentionMask() ? " + " + pack.manifest().text().attentionMaskInput() : "")
                    + " -> " + pack.manifest().text().output() + ", " + pack.manifest().text().contextLength() + " tokens, pad id " + pack.manifest().text().padId());
            if (pack.manifest().text().language() != null) {
                o.println("  prompt language: " + pack.manifest().text().language() + " (put before every prompt)");
            }
            if (pack.manifest().text().prefix() != null) {
                o.println("  prompt prefix: \"" + pack.manifest().text().prefix() + "\"");
            }
            if (pack.manifest().provenance() != null) {
                pack.manifest().provenance().files().forEach(line -> o.println("  " + line));
            }
            o.println("Install it with: sightline models import " + pack.dir());
            return 0;
        });
    }
}
