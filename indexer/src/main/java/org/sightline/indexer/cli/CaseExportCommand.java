package org.sightline.indexer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.export.ExportException;
import org.sightline.indexer.export.ExportOptions;
import org.sightline.indexer.export.Redaction;
import org.sightline.indexer.export.RedactionRegion;
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
    @Option(names = "--redact-region", paramLabel = "X,Y,W,H",
            description = "Hide this rectangle (fractions of the picture: left, top, width, height) in every clip and still; "
                    + "repeatable. The originals are copied unchanged.")
    List<String> redactRegions;
    @Option(names = "--redact-method", paramLabel = "METHOD", defaultValue = "block",
            description = "How regions are hidden: block (solid black, default) or blur (coarse mosaic).")
    String redactMethod;

    @Override
    public Integer call() {
        return parent.run("export", dataOption, w -> {
            w.cleanAbandonedExports().forEach(a -> System.err.println("sightline: " + a.describe()));
            Case c = w.cases().resolve(caseKey);
            try {
                char[] pass = w.keys().exists() && w.keys().identity().passphraseProtected()
                        ? passphrase.read("passphrase of the examiner key", false) : null;
                Redaction redaction = redactRegions == null ? Redaction.NONE : new Redaction(
                        redactRegions.stream().map(RedactionRegion::parse).toList(), Redaction.Method.parse(redactMethod));
                long t0 = System.nanoTime();
                ExportResult r = w.exporter().export(c.id(), out, new ExportOptions(pass, redaction), (done, total, message) -> {
                    if (!quiet) {
                        System.err.printf("[%d/%d] %s%n", done, total, message);
                    }
                }, () -> false);
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
