package org.sightline.indexer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.export.ExportException;
import org.sightline.indexer.export.ExportOptions;
import org.sightline.indexer.export.ExportProgress;
import org.sightline.indexer.export.ExportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sightline case export CASE --out DIR}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a case as an evidence package signed with the examiner key: originals, clips, stills, report.pdf/html, manifest.json and its signature; optionally with regions redacted.")
public class CaseExportCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;
    @ParentCommand
    CaseCommand parent;

    @Parameters(paramLabel = "CASE", description = "Reference, id or name.")
    String caseKey;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Package folder (must not exist or be empty).")
    Path out;
    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;
    @Mixin
    PassphraseOption passphrase;
    @Mixin
    RedactionOptions redaction;
    @Option(names = "--redact-plan", paramLabel = "DIR",
            description = "Export exactly the redaction plans reviewed in DIR (written by `case redact-review`, perhaps "
                    + "edited); the manifest says they were reviewed.")
    Path redactPlan;
    @Option(names = "--disclosure",
            description = "A disclosure copy: leave the originals out of the package (clips, stills, reports only).")
    boolean disclosure;

    @Override
    public Integer call() {
        return parent.run("export", dataOption, w -> {
            w.cleanAbandonedExports().forEach(a -> System.err.println("sightline: " + a.describe()));
            Case c = w.cases().resolve(caseKey);
            try {
                char[] pass = w.keys().exists() && w.keys().identity().passphraseProtected()
                        ? passphrase.read("passphrase of the examiner key", false) : null;
                if (redactPlan != null && redaction.any()) {
                    System.err.println("sightline case export: --redact-plan exports the reviewed plans exactly; "
                            + "give --redact, --redact-region and --redact-track to `case redact-review` instead");
                    return 2;
                }
                long t0 = System.nanoTime();
                ExportProgress progress = (done, total, message) -> {
                    if (!quiet) {
                        System.err.printf("[%d/%d] %s%n", done, total, message);
                    }
                };
                ExportResult r;
                if (redactPlan != null) {
                    r = w.exportRedacted(c.id(), out, RedactionOptions.reviewed(redactPlan), pass, disclosure, progress,
                            () -> false);
                } else if (redaction.planned()) {
                    r = w.exportRedacted(c.id(), out, redaction.request(), pass, disclosure, progress, () -> false);
                    System.err.println("sightline: the redaction was not reviewed (the manifest says so); "
                            + "`sightline case redact-review` shows each box before export");
                } else {
                    r = w.exporter().export(c.id(), out,
                            new ExportOptions(pass, redaction.fixedRegions(), null, disclosure), progress, () -> false);
                }
                System.out.printf("exported case %s to %s: %d files, %,d bytes, manifest SHA-256 %s (%.1f s)%n",
                        c.reference(), r.directory(), r.files(), r.bytes(), r.manifestSha256(),
                        (System.nanoTime() - t0) / 1e9);
                System.out.println("signed by " + r.manifest().signer().name() + ", key fingerprint "
                        + r.manifest().signer().fingerprint());
                return 0;
            } catch (ExportException e) {
                System.err.println("sightline case export: " + e.getMessage());
                for (Throwable left : e.getSuppressed()) {
                    System.err.println("sightline: " + left.getMessage());
                }
                return 1;
            }
        });
    }
}
