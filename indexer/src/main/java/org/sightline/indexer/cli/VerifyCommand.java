package org.sightline.indexer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sightline verify}: placeholder until its issue lands. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify an exported evidence package against its manifest.")
public class VerifyCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Override
    public Integer call() {
        System.err.println("sightline verify: not built yet");
        return 2;
    }
}
