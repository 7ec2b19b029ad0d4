package org.sightline.indexer.cli;

import java.util.concurrent.Callable;
import java.nio.file.Files;
import org.sightline.indexer.app.ModelLibrary;
import org.sightline.models.pack.VerifiedPack;
import picocli.CommandLine.Option;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sightline models use NAME}: make an installed pack the active one. */
@Command(name = "use", mixinStandardHelpOptions = true,
        description = {"Verify an installed pack and make it the one indexing and search use.",
                "On a perception pack (installed, or a built-in starter pack): a detector that knows 'person' becomes the one run"
                        + " while indexing (and for people and vehicles in redaction), a face detector the one --redact faces uses, a"
                        + " text pack the scene text reader."})
public class ModelsUseCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Spec
    CommandSpec spec;

    @ParentCommand
    ModelsCommand parent;

    @Parameters(paramLabel = "NAME", description = "Installed pack name (see `sightline models list`).")
    String name;

    @Option(names = "--force", description = "Choose a detector that knows no 'person' to index with (searches for people then find nothing).")
    boolean force;

    @Override
    public Integer call() {
        return ModelsCommand.run(spec, out -> {
            ModelLibrary library = ModelsCommand.library(dataOption, parent);
            if (!Files.isDirectory(library.modelsDir().resolve(name)) && library.hasPerceptionPack(name)) {
                PerceptionPackReport.chosen(library.choosePerceptionPack(name, force), out);
                return 0;
            }
            VerifiedPack pack = library.activate(name);
            out.println("Active pack: " + ModelsCommand.describe(pack));
            out.println("Footage indexed with another pack must be indexed again to be searched with this one.");
            return 0;
        });
    }
}
