package org.sightline.indexer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sightline case}: placeholder until its issue lands. */
@Command(name = "case", mixinStandardHelpOptions = true, description = "Case dossiers: create, list, show, add, export.")
public class CaseCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Override
    public Integer call() {
        System.err.println("sightline case: not built yet");
        return 2;
    }
}
