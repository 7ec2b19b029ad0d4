package org.sightline.indexer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sightline.indexer.app.ModelLibrary;
import org.sightline.models.pack.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sightline models import DIR}: verify a pack folder and copy it into the data directory. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Verify a model pack folder (every file against its manifest and the built-in checksums of published models)"
                        + " and copy it into the data directory. It becomes active when no pack is active yet, or with --use."})
public class ModelsImportCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Spec
    CommandSpec spec;

    @ParentCommand
    ModelsCommand parent;

    @Parameters(paramLabel = "DIR", description = "Pack folder holding sightline-model.json.")
    Path dir;

    @Option(names = "--use", description = "Make the imported pack the active one.")
    boolean use;

    @Override
    public Integer call() {
        return ModelsCommand.run(spec, out -> {
            ModelLibrary store = ModelsCommand.library(dataOption, parent);
            ImportResult r = store.importPack(dir);
            out.println((r.alreadyInstalled() ? "Already installed: " : "Installed: ") + r.id() + " in " + r.installedDir()
                    + " (" + ModelsCommand.megabytes(r.bytes()) + ", verified)");
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
}
