package org.sightline.indexer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sightline bench}: placeholder until its issue lands. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure model, decode, indexing and search speed on this machine.")
public class BenchCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Override
    public Integer call() {
        System.err.println("sightline bench: not built yet");
        return 2;
    }
}
