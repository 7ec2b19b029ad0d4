package org.sightline.indexer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sightline models}: placeholder until its issue lands. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Install, list and verify model packs.")
public class ModelsCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Override
    public Integer call() {
        System.err.println("sightline models: not built yet");
        return 2;
    }
}
