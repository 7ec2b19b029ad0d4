package org.sightline.desktop.cases;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Case dossiers as the Cases page needs them: the indexer's case service and evidence exporter behind a narrow
 * interface. Every method may block: call from background tasks.
 */
public interface CaseFiles {

    /**
     * One case.
     *
     * @param notes the case's own notes (its description)
     */
    record CaseRow(long id, String name, String reference, String status, String examiner, String notes) {
        public CaseRow(long id, String name, String reference, String status) {
            this(id, name, reference, status, "", "");
        }

        /** The reference, or the name when the case has none. */
        public String label() {
            return reference == null || reference.isBlank() ? name : reference;
        }

        @Override
        public String toString() {
            return reference + " · " + name;
        }
    }

    /**
     * One clip kept in a case.
     *
     * @param thumbnail a still of the hit frame (a JPEG file), or null when none could be made
     */
    record ItemRow(long id, int position, Path video, String camera, double inSeconds, double outSeconds,
            double hitSeconds, String foundBy, String note, List<String> tags, Path thumbnail) {
        public ItemRow {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        /** An item without a still. */
        public ItemRow(long id, int position, Path video, String camera, double inSeconds, double outSeconds,
                double hitSeconds, String foundBy, String note, List<String> tags) {
            this(id, position, video, camera, inSeconds, outSeconds, hitSeconds, foundBy, note, tags, null);
        }

        public ItemRow(long id, int position, Path video, String camera, double inSeconds, double outSeconds,
                double hitSeconds, String foundBy, String note) {
            this(id, position, video, camera, inSeconds, outSeconds, hitSeconds, foundBy, note, List.of());
        }
    }

    /**
     * A moment to keep: a search hit or a frame picked in the viewer.
     *
     * @param sha256    the SHA-256 recorded at indexing; null to hash the file now
     * @param hitSeconds the frame the user picked or the best frame of the hit
     * @param query     the prompt or example that found it; null when picked by hand
     * @param score     the hit's score; null when picked by hand
     */
    record Moment(Path video, String sha256, String camera, double hitStartSeconds, double hitEndSeconds,
            double hitSeconds, Path thumbnail, String query, boolean byExample, Float score, String modelId) {
    }

    /**
     * What an export wrote and what checking the new package found.
     *
     * @param signedBy the examiner key's fingerprint the package is signed with
     * @param problems what the check found wrong, in words; empty when the package verified
     */
    record ExportReport(Path directory, int files, long bytes, String signedBy, List<String> problems) {
        public ExportReport {
            problems = List.copyOf(problems);
        }

        public boolean verified() {
            return problems.isEmpty();
        }
    }

    /** Told after each step of an export. */
    @FunctionalInterface
    interface ExportSteps {
        void update(int done, int total, String message);
    }

    List<CaseRow> cases() throws Exception;

    CaseRow create(String name, String reference) throws Exception;

    /** Changes a case's name, reference, examiner and notes. */
    CaseRow updateDetails(long caseId, String name, String reference, String examiner, String notes) throws Exception;

    List<ItemRow> items(long caseId) throws Exception;

    /** Adds the moment at the end of the case. */
    ItemRow add(long caseId, Moment moment) throws Exception;

    void setNote(long itemId, String note) throws Exception;

    void setTags(long itemId, List<String> tags) throws Exception;

    /** Sets in and out points (checked against the file's length; the hit is kept inside). */
    void setSpan(long itemId, double inSeconds, double outSeconds) throws Exception;

    /** Moves an item to a 1-based position. */
    void move(long itemId, int position) throws Exception;

    /** Removes an item; {@link #restore} puts it back while this session lasts. */
    void remove(long itemId) throws Exception;

    /** Puts a removed item back, as it was and where it was (audited as an addition). */
    ItemRow restore(long removedItemId) throws Exception;

    /** True when the examiner's signing key is protected by a passphrase (exports must ask for it). */
    boolean signingNeedsPassphrase() throws Exception;

    /**
     * Exports the case as a signed evidence package into {@code target} (absent or empty), then verifies the new
     * package.
     *
     * @param passphrase the signing key's passphrase, or null when it has none
     */
    ExportReport export(long caseId, Path target, char[] passphrase, ExportSteps steps, BooleanSupplier cancelled)
            throws Exception;

    /**
     * Where the case's rows disagree with the audit trail's record of them (edited outside Sightline), one line each
     * naming the item and field; empty when they agree. A case that disagrees is not exported.
     */
    default List<String> disagreements(long caseId) throws Exception {
        return List.of();
    }

    /**
     * Signs the audit trail's head with the examiner key (made now when there is none) and writes the checkpoint to
     * {@code out} (must not exist), for the examiner to keep off this workstation.
     *
     * @param passphrase the key's passphrase, or null when it has none
     * @return what was written, in plain words
     */
    default String writeAuditCheckpoint(Path out, char[] passphrase) throws Exception {
        throw new UnsupportedOperationException("this data directory has no audit trail to checkpoint");
    }
}
