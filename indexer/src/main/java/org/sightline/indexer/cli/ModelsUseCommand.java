package org.sightline.indexer.cli;

import java.util.concurrent.Callable;
import org.sightline.models.pack.VerifiedPack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sightline models use NAME}: make an installed pack the active one. */
@Command(name = "use", mixinStandardHelpOptions = true,
        description = "Verify an installed pack and make it the one indexing and search use.")
public class ModelsUseCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Spec
    CommandSpec spec;

    @ParentCommand
    ModelsCommand parent;

    @Parameters(paramLabel = "NAME", description = "Installed pack name (see `sightline models list`).")
    String name;

    @Override
    public Integer call() {
        return ModelsCommand.run(spec, out -> {
            VerifiedPack pack = ModelsCommand.library(dataOption, parent).activate(name);
            out.println("Active pack: " + ModelsCommand.describe(pack));
            out.println("Footage indexed with another pack must be indexed again to be searched with this one.");
            return 0;
        });
    }
}
