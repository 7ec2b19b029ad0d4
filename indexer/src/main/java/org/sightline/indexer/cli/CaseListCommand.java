package org.sightline.indexer.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.sightline.indexer.cases.Case;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sightline case list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List cases, newest first.")
public class CaseListCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;
    @ParentCommand
    CaseCommand parent;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        return parent.run("list", dataOption, w -> {
            List<Case> cases = w.cases().list();
            if (json) {
                System.out.println(CaseJson.toJson(cases.stream().map(CaseJson::json).toList()));
                return 0;
            }
            if (cases.isEmpty()) {
                System.out.println("no cases");
            }
            for (Case c : cases) {
                System.out.printf("%-4d %-16s %-7s %3d items  %s  (%s)%n", c.id(), c.reference(),
                        c.status().name().toLowerCase(), w.cases().items(c.id()).size(), c.name(), c.examiner());
            }
            return 0;
        });
    }
}
