package org.sightline.indexer.export;

import java.util.Objects;

/**
 * How to export a case.
 *
 * @param passphrase the examiner key's passphrase, or null when it has none
 * @param redaction  regions to hide in the clips and stills (a disclosure copy); {@link Redaction#NONE} for none
 */
public record ExportOptions(char[] passphrase, Redaction redaction) {

    public static final ExportOptions DEFAULT = new ExportOptions(null, Redaction.NONE);

    public ExportOptions {
        Objects.requireNonNull(redaction);
    }
}
