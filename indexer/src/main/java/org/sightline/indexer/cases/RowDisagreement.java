package org.sightline.indexer.cases;

/**
 * A field of a case row that differs from what the audit trail recorded of it: the row was edited behind the
 * tool's back (or the trail lacks the change).
 *
 * @param itemPosition the item's position in the case, or null for the case itself
 * @param field        the column as stored ({@code note}, {@code in_seconds}, {@code video_sha256}, {@code examiner}, ...)
 * @param stored       the value in the case tables now
 * @param audited      the value the audit trail's entries give it
 */
public record RowDisagreement(Integer itemPosition, String field, String stored, String audited) {

    /** One line in plain words, e.g. {@code item 1 note is "PLANTED" but the audit trail recorded "sports car"}. */
    public String describe() {
        return (itemPosition == null ? "case " : "item " + itemPosition + " ") + field + " is " + stored
                + " but the audit trail recorded " + audited;
    }
}
