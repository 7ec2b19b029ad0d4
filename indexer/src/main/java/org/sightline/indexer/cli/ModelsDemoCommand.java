package org.sightline.indexer.cli;

import java.util.concurrent.Callable;
import org.sightline.models.generate.ColourModelPack;
import org.sightline.models.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sightline models demo}: generate and install the demonstration colour model. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate and install " + ColourModelPack.NAME + ", a DEMONSTRATION model that understands colours only."
                        + " It becomes active only when no pack is active; it never replaces a real pack."})
public class ModelsDemoCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Spec
    CommandSpec spec;

    @ParentCommand
    ModelsCommand parent;

    @Override
    public Integer call() {
        return ModelsCommand.run(spec, out -> {
            ModelStore.DemoInstall demo = ModelsCommand.library(dataOption, parent).installDemo();
            out.println((demo.result().alreadyInstalled() ? "Already installed: " : "Installed: ") + demo.result().id()
                    + " in " + demo.result().installedDir() + " (verified)");
            out.println("This is a demonstration model: it understands colours only (e.g. \"red\", \"navy\", \"grey car\").");
            if (demo.activated()) {
                out.println("Active pack: " + ColourModelPack.NAME);
            } else if (ColourModelPack.NAME.equals(demo.previousActive())) {
                out.println("It is the active pack.");
            } else {
                out.println("Active pack is still " + demo.previousActive() + "; switch with `sightline models use " + ColourModelPack.NAME + "`.");
            }
            return 0;
        });
    }
}
