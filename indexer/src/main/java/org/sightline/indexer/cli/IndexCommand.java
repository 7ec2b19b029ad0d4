package org.sightline.indexer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sightline index}: placeholder until its issue lands. */
@Command(name = "index", mixinStandardHelpOptions = true, description = "Index footage files and folders.")
public class IndexCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Override
    public Integer call() {
        System.err.println("sightline index: not built yet");
        return 2;
    }
}
