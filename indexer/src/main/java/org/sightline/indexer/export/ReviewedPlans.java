package org.sightline.indexer.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.sightline.indexer.cases.CaseItem;

/**
 * The plans a user reviewed (and perhaps corrected) in a folder written by {@code case redact-review}: each item is
 * exported exactly as its {@code itemNN.plan.json} says. A plan that is missing, unreadable or made for another
 * source or span stops the export, naming the file.
 */
public final class ReviewedPlans implements ItemRedactions {
    private final Path dir;

    public ReviewedPlans(Path dir) throws ExportException {
        this.dir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.dir)) {
            throw new ExportException(ExportException.Reason.REDACTION_UNAVAILABLE, this.dir, "the reviewed redaction plans "
                    + this.dir + " are not a folder: give the --out folder of `sightline case redact-review`");
        }
    }

    @Override
    public boolean reviewed() {
        return true;
    }

    @Override
    public RedactionPlan planFor(String caseReference, CaseItem item, Path source, BooleanSupplier cancelled)
            throws ExportException {
        Path file = dir.resolve(RedactionPlan.fileName(item.position()));
        if (!Files.isRegularFile(file)) {
            throw new ExportException(ExportException.Reason.REDACTION_UNAVAILABLE, file, "no reviewed redaction plan for item "
                    + item.position() + ": " + file + " does not exist (run `sightline case redact-review` again)");
        }
        RedactionPlan plan;
        try {
            plan = RedactionPlan.read(file);
        } catch (IOException e) {
            throw new ExportException(ExportException.Reason.REDACTION_UNAVAILABLE, file, e.getMessage(), e);
        }
        if (!plan.sourceSha256().equals(item.videoSha256()) || Math.abs(plan.inSeconds() - item.inSeconds()) > 1e-6
                || Math.abs(plan.outSeconds() - item.outSeconds()) > 1e-6) {
            throw new ExportException(ExportException.Reason.REDACTION_UNAVAILABLE, file, String.format(Locale.ROOT,
                    "the redaction plan %s was made for source SHA-256 %s, %.3f-%.3f s, but item %d is SHA-256 %s, "
                            + "%.3f-%.3f s: the case changed since the review; review it again", file, plan.sourceSha256(),
                    plan.inSeconds(), plan.outSeconds(), item.position(), item.videoSha256(), item.inSeconds(),
                    item.outSeconds()));
        }
        return plan;
    }
}
