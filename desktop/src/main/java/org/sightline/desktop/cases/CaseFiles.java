package org.sightline.desktop.cases;

import java.nio.file.Path;
import java.time.Instant;
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

    // ---- disclosure copies (redaction) and the examiner key ----

    /**
     * What a disclosure copy hides and how.
     *
     * @param blur            a coarse mosaic instead of solid black boxes
     * @param leaveOriginalsOut write no {@code originals/} folder into the package
     */
    record DisclosureChoice(boolean people, boolean vehicles, boolean plates, boolean faces, boolean blur,
            boolean leaveOriginalsOut) {
        /** True when at least one thing is to be hidden. */
        public boolean hidesAnything() {
            return people || vehicles || plates || faces;
        }

        /** "people, plates": what is hidden, in words. */
        public String describe() {
            List<String> w = new java.util.ArrayList<>();
            if (people) {
                w.add("people");
            }
            if (vehicles) {
                w.add("vehicles");
            }
            if (plates) {
                w.add("plates");
            }
            if (faces) {
                w.add("faces");
            }
            return String.join(", ", w);
        }
    }

    /** Where a box of a redaction plan came from. */
    enum BoxSource {
        /** Found by a detector pack. */
        DETECTOR,
        /** Drawn by the user and moved with its object. */
        TRACKED,
        /** Drawn by the user, fixed in every frame. */
        MANUAL
    }

    /** A box to hide, as fractions of the picture (top-left corner, size). */
    record ReviewBox(double x, double y, double width, double height, BoxSource source, String label) {
    }

    /**
     * One frame of an item shown for review: its picture and the boxes the plan hides in it.
     *
     * @param seconds the frame's time in the source file
     * @param image   the decoded frame (a JPEG file), without boxes
     */
    record ReviewFrame(double seconds, Path image, List<ReviewBox> boxes) {
        public ReviewFrame {
            boxes = List.copyOf(boxes);
        }
    }

    /**
     * One case item's redaction plan as the review shows it.
     *
     * @param frames some frames across the item's span, with their boxes
     * @param frameCount frames in the plan; {@code boxCount} boxes over all of them
     * @param notes what the planner wants the reviewer to know
     */
    record ReviewItem(int position, String file, List<ReviewFrame> frames, int frameCount, int boxCount,
            List<String> notes) {
        public ReviewItem {
            frames = List.copyOf(frames);
            notes = List.copyOf(notes);
        }
    }

    /** A review under way: its folder of plans (edited in place) and its items. */
    record RedactionReviewSet(Path folder, DisclosureChoice choice, List<ReviewItem> items) {
        public RedactionReviewSet {
            items = List.copyOf(items);
        }
    }

    /**
     * Plans what a disclosure copy of the case hides (every frame of every item, with the installed perception
     * packs), writes the plans into a review folder and returns frames of each item with their boxes.
     *
     * @throws Exception a thing to hide has no pack to find it (no face detector, ...), in plain words
     */
    default RedactionReviewSet reviewRedactions(long caseId, DisclosureChoice choice, ExportSteps steps,
            BooleanSupplier cancelled) throws Exception {
        throw new UnsupportedOperationException("disclosure copies are not available in this build");
    }

    /**
     * Drops a box from an item's plan in the review: from this frame and the frames around it where the same
     * object's box continues (a user's fixed box from every frame). Returns the item as it is now.
     */
    default ReviewItem dropBox(RedactionReviewSet review, int item, double seconds, ReviewBox box) throws Exception {
        throw new UnsupportedOperationException("disclosure copies are not available in this build");
    }

    /** Adds a box the user drew to every frame of an item's plan. Returns the item as it is now. */
    default ReviewItem drawBox(RedactionReviewSet review, int item, ReviewBox box) throws Exception {
        throw new UnsupportedOperationException("disclosure copies are not available in this build");
    }

    /**
     * Exports exactly the reviewed plans as a signed disclosure copy into {@code target}, then verifies it.
     *
     * @param passphrase the signing key's passphrase, or null when it has none
     */
    default ExportReport exportReviewed(long caseId, Path target, RedactionReviewSet review, char[] passphrase,
            ExportSteps steps, BooleanSupplier cancelled) throws Exception {
        throw new UnsupportedOperationException("disclosure copies are not available in this build");
    }

    /**
     * The examiner's signing key as the page shows it.
     *
     * @param exists false when none was made yet (then the other fields are empty)
     */
    record KeyInfo(boolean exists, String name, String fingerprint, boolean passphraseProtected, Instant created) {
        public static final KeyInfo NONE = new KeyInfo(false, "", "", false, null);
    }

    /** The examiner key of this data directory, or {@link KeyInfo#NONE}. */
    default KeyInfo examinerKey() throws Exception {
        return KeyInfo.NONE;
    }

    /**
     * Makes the examiner key (audited); refused when one exists.
     *
     * @param passphrase protects the private key; null or empty for none
     */
    default KeyInfo createExaminerKey(String name, char[] passphrase) throws Exception {
        throw new UnsupportedOperationException("examiner keys are not available in this build");
    }

    /** Writes the examiner key's public key (PEM) to {@code out}, which must not exist (audited). */
    default KeyInfo savePublicKey(Path out) throws Exception {
        throw new UnsupportedOperationException("examiner keys are not available in this build");
    }
}
