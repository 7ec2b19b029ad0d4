package org.sightline.indexer.cases;

/**
 * A field of a case row that differs from what was recorded of it elsewhere (the audit trail, or the catalog when
 * the source was indexed): the row was edited behind the tool's back (or the record lacks the change).
 *
 * @param itemPosition the item's position in the case, or null for the case itself
 * @param field        the column as stored ({@code note}, {@code in_seconds}, {@code video_sha256}, {@code examiner}, ...)
 * @param stored       the value in the case tables now
 * @param recorded     the value the record gives it
 * @param recordedBy   which record: {@code the audit trail} or {@code the catalog}
 */
public record RowDisagreement(Integer itemPosition, String field, String stored, String recorded, String recordedBy) {

    /** A disagreement with the audit trail. */
    public RowDisagreement(Integer itemPosition, String field, String stored, String recorded) {
        this(itemPosition, field, stored, recorded, "the audit trail");
    }

    /** One line in plain words, e.g. {@code item 1 note is "PLANTED" but the audit trail recorded "sports car"}. */
    public String describe() {
        return (itemPosition == null ? "case " : "item " + itemPosition + " ") + field + " is " + stored
                + " but " + recordedBy + " recorded " + recorded;
    }
}
