package org.sightline.indexer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.export.ExportException;
import org.sightline.indexer.export.RedactionReview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sightline case redact-review CASE --redact ... --out DIR}. */
@Command(name = "redact-review", mixinStandardHelpOptions = true,
        description = "Plan a redacted export and write, per item, the plan (every frame's boxes, JSON) and a contact sheet "
                + "with the boxes drawn, to check and edit before `case export --redact-plan DIR`.")
public class CaseRedactReviewCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;
    @ParentCommand
    CaseCommand parent;

    @Parameters(paramLabel = "CASE", description = "Reference, id or name.")
    String caseKey;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the plans and contact sheets.")
    Path out;
    @Mixin
    RedactionOptions redaction;

    @Override
    public Integer call() {
        return parent.run("redact-review", dataOption, w -> {
            if (!redaction.any()) {
                System.err.println("sightline case redact-review: say what to hide with --redact, --redact-region or --redact-track");
                return 2;
            }
            Case c = w.cases().resolve(caseKey);
            try {
                List<RedactionReview.Written> written = w.reviewRedactions(c.id(), redaction.request(), out);
                for (RedactionReview.Written x : written) {
                    System.out.printf("item %d: %d box(es) over %d frame(s); plan %s, contact sheet %s%n", x.item(),
                            x.boxes(), x.spans(), x.plan(), x.sheet());
                    x.notes().forEach(n -> System.out.println("  note: " + n));
                }
                System.out.println("check the contact sheets, edit the plans if needed (drop or add boxes), then export with "
                        + "`sightline case export " + c.reference() + " --redact-plan " + out + " --out DIR`");
                return 0;
            } catch (ExportException e) {
                System.err.println("sightline case redact-review: " + e.getMessage());
                return 1;
            }
        });
    }
}
