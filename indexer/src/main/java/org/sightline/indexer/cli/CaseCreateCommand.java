package org.sightline.indexer.cli;

import java.util.concurrent.Callable;
import org.sightline.indexer.cases.Case;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sightline case create}. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create a case.")
public class CaseCreateCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;
    @ParentCommand
    CaseCommand parent;

    @Option(names = "--name", required = true, description = "Case name.")
    String name;
    @Option(names = "--reference", description = "Reference number (default CASE-<id>).")
    String reference;
    @Option(names = "--examiner", description = "Examiner (default: your user name).")
    String examiner;
    @Option(names = "--description", description = "Description.")
    String description;
    @Option(names = "--json", description = "Print the case as JSON.")
    boolean json;

    @Override
    public Integer call() {
        return parent.run("create", dataOption, w -> {
            Case c = w.cases().create(name, reference, examiner, description);
            System.out.println(json ? CaseJson.toJson(CaseJson.json(c))
                    : "created case " + c.reference() + " (id " + c.id() + "): " + c.name());
            return 0;
        });
    }
}
