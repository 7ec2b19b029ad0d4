package org.sightline.indexer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sightline search}: placeholder until its issue lands. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search indexed footage by prompt.")
public class SearchCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Override
    public Integer call() {
        System.err.println("sightline search: not built yet");
        return 2;
    }
}
