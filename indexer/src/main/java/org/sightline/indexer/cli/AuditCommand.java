package org.sightline.indexer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sightline audit}: placeholder until its issue lands. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Show and verify the audit trail.")
public class AuditCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Override
    public Integer call() {
        System.err.println("sightline audit: not built yet");
        return 2;
    }
}
