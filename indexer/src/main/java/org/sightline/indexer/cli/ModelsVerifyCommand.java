package org.sightline.indexer.cli;

import java.util.ArrayList;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sightline models verify [NAME]}: re-check installed packs' files. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Re-check an installed pack (or all of them: model packs, perception packs, starter packs) against its manifest and the built-in checksums. Exits 1 on any failure.")
public class ModelsVerifyCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Spec
    CommandSpec spec;

    @ParentCommand
    ModelsCommand parent;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Pack to verify (default: every installed pack).")
    String name;

    @Override
    public Integer call() {
        return ModelsCommand.run(spec, out -> {
            ModelLibrary store = ModelsCommand.library(dataOption, parent);
            List<String> names = new ArrayList<>();
            int failed = 0;
            boolean modelPack = name != null && java.nio.file.Files.isDirectory(store.modelsDir().resolve(name));
            if (name != null && !modelPack && store.perceptionPacks().stream().anyMatch(p -> p.name().equals(name))) {
                return PerceptionPackReport.verify(store, name, out, spec.commandLine().getErr());
            }
            if (name != null && store.starterPacks().has(name) && !modelPack) {
                return StarterPackReport.verify(store.starterPacks(), name, out, spec.commandLine().getErr());
            } else if (name != null) {
                names.add(name);
            } else {
                store.list().stream().map(InstalledPack::name).forEach(names::add);
                try {
                    for (var p : store.perceptionPacks()) {
                        failed += PerceptionPackReport.verify(store, p.name(), out, spec.commandLine().getErr());
                    }
                } catch (PackInstallException e) {
                    spec.commandLine().getErr().println("FAILED  " + e.getMessage());
                    failed++;
                }
                if (store.starterPacks().location().isPresent()) {
                    try {
                        for (var starter : store.starterPacks().list()) {
                            failed += StarterPackReport.verify(store.starterPacks(), starter.name(), out, spec.commandLine().getErr());
                        }
                    } catch (PackInstallException e) {
                        spec.commandLine().getErr().println("FAILED  " + e.getMessage());
                        failed++;
                    }
                }
            }
            if (names.isEmpty()) {
                out.println("No model packs installed in " + store.modelsDir()
                        + (store.starterPacks().location().isPresent() ? " (besides the built-in starter packs)." : "."));
                return failed == 0 ? 0 : 1;
            }
            for (String n : names) {
                try {
                    VerifiedPack v = store.verify(n);
                    out.println("OK      " + ModelsCommand.describe(v));
                    v.recognised().forEach(r -> out.println("        recognised " + r));
                } catch (PackVerificationException e) {
                    spec.commandLine().getErr().println("FAILED  " + n + ": " + e.getMessage());
                    failed++;
                } catch (PackInstallException e) {
                    spec.commandLine().getErr().println("FAILED  " + e.getMessage());
                    failed++;
                }
            }
            return failed == 0 ? 0 : 1;
        });
    }
}
