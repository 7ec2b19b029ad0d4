package org.sightline.indexer.cases;

import java.time.Instant;

/**
 * A case dossier.
 *
 * @param reference the case reference number (unique); used in exported file names
 * @param examiner  who is responsible for the case
 */
public record Case(long id, String name, String reference, String examiner, String description,
                   CaseStatus status, Instant created, Instant updated) {
}
