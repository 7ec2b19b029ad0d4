package org.sightline.indexer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sightline status}: placeholder until its issue lands. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show what is indexed.")
public class StatusCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Override
    public Integer call() {
        System.err.println("sightline status: not built yet");
        return 2;
    }
}
