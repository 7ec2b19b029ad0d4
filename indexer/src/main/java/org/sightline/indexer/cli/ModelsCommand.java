package org.sightline.indexer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.ModelLibrary;
import org.sightline.models.pack.NoActiveModelException;
import org.sightline.models.pack.PackInstallException;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.VerifiedPack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sightline models}: install, list, verify and choose model packs. Without a subcommand it lists them. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"Install, list, verify and choose model packs.",
                "A model pack is a folder with an image encoder and a text encoder (ONNX), tokenizer.json and a manifest "
                        + "sightline-model.json giving every file's size and SHA-256. Packs are verified before every use. "
                        + "Without a subcommand: list."},
        subcommands = {
                ModelsListCommand.class,
                ModelsVerifyCommand.class,
                ModelsImportCommand.class,
                ModelsPackCommand.class,
                ModelsDemoCommand.class,
                ModelsUseCommand.class
        })
public class ModelsCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ModelsListCommand list = new ModelsListCommand();
        list.dataOption = dataOption;
        list.parent = this;
        list.spec = spec;
        return list.call();
    }

    /**
     * The model packs of the subcommand's {@code --data}, else of the one given before the subcommand
     * ({@code models --data D list}).
     */
    static ModelLibrary library(DataOption own, ModelsCommand parent) {
        return ModelLibrary.open(directory(own, parent));
    }

    static DataDirectory directory(DataOption own, ModelsCommand parent) {
        return DataOption.choose(own, parent == null ? null : parent.dataOption);
    }

    /** Runs a models action, turning the errors a user can act on into a message and exit code 1. */
    static int run(CommandSpec spec, Action action) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return action.run(spec.commandLine().getOut());
        } catch (PackVerificationException e) {
            err.println("sightline models: verification failed: " + e.getMessage());
            err.println("The pack was not used.");
            return 1;
        } catch (PackInstallException | NoActiveModelException e) {
            err.println("sightline models: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("sightline models: " + e.getMessage());
            return 1;
        } finally {
            err.flush();
            spec.commandLine().getOut().flush();
        }
    }

    @FunctionalInterface
    interface Action {
        int run(PrintWriter out) throws IOException;
    }

    static String describe(VerifiedPack pack) {
        return pack.manifest().name() + " " + pack.manifest().version() + " (" + pack.manifest().kind() + "), "
                + pack.manifest().files().size() + " files, " + megabytes(pack.totalBytes()) + ", model id " + pack.id();
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
