package org.sightline.indexer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sightline.indexer.app.ModelLibrary;
import org.sightline.models.pack.ImportResult;
import org.sightline.models.pack.layout.PackRequest;
import org.sightline.models.perception.DetectorRequest;
import org.sightline.models.perception.PerceptionImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sightline models import PATH}: verify a pack, or make one from a model export, and install it into the data directory. */
@Command(name = "import",
        description = {"Install a model into the data directory: a Sightline pack folder, or a model export as users have it"
                        + " (Immich, transformers.js/Xenova, optimum model.onnx, Frigate cache, a Hugging Face hub cache), as a folder or a"
                        + " .zip/.tar of one. Every file is checked (against its manifest, the built-in checksums of published models and,"
                        + " in a hub cache, its blob name) and both encoders are run once before anything is installed. The pack becomes"
                        + " active when no pack is active yet, or with --use.",
                "Also installs a perception pack (a folder, .zip or .tar holding sightline-perception.json: an object detector,"
                        + " face detector or text reader) into the data directory's perception folder, and makes a detector pack of"
                        + " a bare ONNX detector with --decoding and --classes; each is verified and run once on a test picture."
                        + " Index with it after `sightline models use NAME` (or --use)."})
public class ModelsImportCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Spec
    CommandSpec spec;

    @ParentCommand
    ModelsCommand parent;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(paramLabel = "PATH", description = "Pack folder, model export folder, hub cache folder, or .zip/.tar of one.")
    Path dir;

    @Option(names = "--use", description = "Make the imported pack the active one.")
    boolean use;

    @Option(names = "--name", description = "Pack name for an export or a bare detector (default: the export's folder or archive"
            + " name, the ONNX file's name); a Sightline or perception pack keeps the name in its manifest.")
    String name;

    @Option(names = "--context-length", paramLabel = "N", description = "Tokens per prompt when an export does not say (or says more than 4096).")
    Integer contextLength;

    @Option(names = "--language", paramLabel = "CODE", description = "NLLB models only: the language prompts are written in,"
            + " as a FLORES-200 code (e.g. fra_Latn, deu_Latn; default eng_Latn).")
    String language;

    @Option(names = "--variant", description = "Which ONNX files when an export has several, e.g. quantized, fp16, or '' for the plain ones.")
    String variant;

    @Option(names = "--version", defaultValue = "1.0", description = "Pack version for an export (default: ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--licence", description = "Licence of the files as you know it (default: \"" + CLIP_LICENCE
            + "\" for a model export, \"" + DetectorRequest.LICENCE_NOT_STATED + "\" for a bare detector).")
    String licence;

    @Option(names = "--force", description = "With --use: choose a detector that knows no 'person' to index with.")
    boolean force;

    @Mixin
    DetectorOptions detector;

    static final String CLIP_LICENCE = "see the model's source";

    @Override
    public Integer call() {
        return ModelsCommand.run(spec, out -> {
            ModelLibrary store = ModelsCommand.library(dataOption, parent);
            if (detector.given()) {
                return installed(store, store.importDetector(dir, detector.request(spec.commandLine(), name, version, licence)), out);
            }
            if (dir.getFileName() != null && dir.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), dir + " is a bare ONNX file: to install it as"
                        + " an object detector give --decoding FAMILY and --classes coco|FILE");
            }
            if (ModelLibrary.holdsPerceptionPack(dir)) {
                return installed(store, store.importPerceptionPack(dir), out);
            }
            ImportResult r = store.importExport(dir, new PackRequest(name, version, licence == null ? CLIP_LICENCE : licence,
                    variant, contextLength, language));
            out.println((r.alreadyInstalled() ? "Already installed: " : "Installed: ") + r.id() + " in " + r.installedDir()
                    + " (" + ModelsCommand.megabytes(r.bytes()) + ", verified, both encoders run once)");
            r.provenance().forEach(line -> out.println("  " + line));
            boolean noneActive = store.active().isEmpty();
            if (use || noneActive) {
                store.activate(r.id().name());
                out.println("Active pack: " + r.id().name());
            } else {
                out.println("Active pack is still " + store.active().orElseThrow() + "; switch with `sightline models use " + r.id().name() + "`.");
            }
            return 0;
        });
    }

    private int installed(ModelLibrary store, PerceptionImport r, java.io.PrintWriter out) {
        out.println((r.alreadyInstalled() ? "Already installed: " : "Installed: ") + "perception pack " + r.name() + " " + r.version()
                + " (" + r.kind().name().toLowerCase(java.util.Locale.ROOT)
                + (r.classes().isEmpty() ? "" : ", " + r.classes().size() + " classes") + ") in " + r.installedDir()
                + " (" + ModelsCommand.megabytes(r.bytes()) + ", verified, run once on a test picture)");
        out.println("  licence: " + r.licence());
        r.provenance().forEach(line -> out.println("  source: " + line));
        if (use) {
            PerceptionPackReport.chosen(store.choosePerceptionPack(r.name(), force), out);
        } else {
            out.println("Use it with `sightline models use " + r.name() + "`.");
        }
        return 0;
    }
}
