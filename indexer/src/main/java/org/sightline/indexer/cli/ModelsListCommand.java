package org.sightline.indexer.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.sightline.indexer.app.ModelLibrary;
import org.sightline.models.pack.InstalledPack;
import org.sightline.models.pack.PackInstallException;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.VerifiedPack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sightline models list}: installed packs, which one is active, and whether each verifies. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List installed model packs ('*' marks the active one), the built-in starter packs, the perception packs"
                + " installed, and which detector indexes. Each pack is verified unless --no-verify.")
public class ModelsListCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Spec
    CommandSpec spec;

    @ParentCommand
    ModelsCommand parent;

    @Option(names = "--no-verify", description = "Do not re-check file sizes and SHA-256 (faster for large packs).")
    boolean noVerify;

    @Override
    public Integer call() {
        return ModelsCommand.run(spec, out -> {
            ModelLibrary store = ModelsCommand.library(dataOption, parent);
            List<InstalledPack> packs = store.list();
            if (packs.isEmpty()) {
                out.println("No model packs installed in " + store.modelsDir() + ".");
                out.println("Run `sightline models demo` for the demonstration colour model, or `sightline models import DIR`.");
                int failed = StarterPackReport.list(store.starterPacks(), !noVerify, out, spec.commandLine().getErr());
                failed += PerceptionPackReport.list(store, !noVerify, out, spec.commandLine().getErr());
                PerceptionPackReport.uses(store, out);
                return failed == 0 ? 0 : 1;
            }
            int failed = 0;
            for (InstalledPack p : packs) {
                String status;
                if (p.problem() != null) {
                    status = "BROKEN: " + p.problem();
                    failed++;
                } else if (noVerify) {
                    status = "not checked";
                } else {
                    try {
                        VerifiedPack v = store.verify(p.name());
                        status = "verified, id " + v.id();
                    } catch (PackVerificationException | PackInstallException e) {
                        status = "FAILED: " + e.getMessage();
                        failed++;
                    }
                }
                out.printf("%s %-28s %-8s %-42s %s%n", p.active() ? "*" : " ", p.name(), p.version(), p.kind(), status);
            }
            failed += StarterPackReport.list(store.starterPacks(), !noVerify, out, spec.commandLine().getErr());
            failed += PerceptionPackReport.list(store, !noVerify, out, spec.commandLine().getErr());
            PerceptionPackReport.uses(store, out);
            if (store.active().isEmpty()) {
                out.println("No pack is active: choose one with `sightline models use NAME`.");
            } else if (packs.stream().noneMatch(InstalledPack::active)) {
                out.println("The active pack " + store.active().get() + " is not installed: choose one with `sightline models use NAME`.");
            }
            return failed == 0 ? 0 : 1;
        });
    }
}
