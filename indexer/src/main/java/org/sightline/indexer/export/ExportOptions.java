package org.sightline.indexer.export;

import java.util.Objects;

/**
 * How to export a case.
 *
 * @param passphrase the examiner key's passphrase, or null when it has none
 * @param redaction  regions to hide in the clips and stills (a disclosure copy); {@link Redaction#NONE} for none
 * @param plans      per-item redaction plans (detected now, or reviewed by the user); null for none. When given they
 *                   replace {@code redaction} (a planner hides the user's regions too)
 * @param disclosure leave the originals out of the package (a disclosure copy of redacted clips and stills)
 */
public record ExportOptions(char[] passphrase, Redaction redaction, ItemRedactions plans, boolean disclosure) {

    public static final ExportOptions DEFAULT = new ExportOptions(null, Redaction.NONE);

    public ExportOptions {
        Objects.requireNonNull(redaction);
        if (plans != null && redaction.any()) {
            throw new IllegalArgumentException("give the redaction either as regions or as plans, not both");
        }
    }

    /** Without plans, originals included. */
    public ExportOptions(char[] passphrase, Redaction redaction) {
        this(passphrase, redaction, null, false);
    }

    /** Whether the clips and stills hide anything. */
    public boolean redacts() {
        return plans != null || redaction.any();
    }
}
