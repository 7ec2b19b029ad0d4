package org.sightline.indexer.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The details of a {@link AuditAction#CASE_CHANGE} entry: one record per kind of change, written with its
 * {@link #op()} among the other keys.
 */
public sealed interface CaseChange extends AuditDetails {

    /** The kind of change as the log names it ({@code create}, {@code add-item}, ...). */
    @JsonProperty("op")
    String op();

    @Override
    default AuditAction action() {
        return AuditAction.CASE_CHANGE;
    }

    record Created(String name, String reference, String examiner, String description) implements CaseChange {
        @Override
        public String op() {
            return "create";
        }
    }

    record Renamed(String from, String to) implements CaseChange {
        @Override
        public String op() {
            return "rename";
        }
    }

    record DetailsChanged(String reference, String examiner, String description) implements CaseChange {
        @Override
        public String op() {
            return "details";
        }
    }

    record Closed() implements CaseChange {
        @Override
        public String op() {
            return "close";
        }
    }

    record Reopened() implements CaseChange {
        @Override
        public String op() {
            return "reopen";
        }
    }

    /**
     * An item added.
     *
     * @param foundBy how it was found ({@code prompt}, {@code example} or {@code manual}); {@code query},
     *                {@code score} and {@code modelId} say more for a search hit
     * @param note    the note it was added with (never null since the rows are checked against the trail; the
     *                key's presence marks an entry that also records {@code hitSeconds}, {@code camera} and
     *                {@code tags})
     */
    record ItemAdded(long itemId, int position, String video, String sha256, double inSeconds, double outSeconds,
                     String foundBy, String query, Float score, String modelId,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Double hitSeconds,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String camera,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String note,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<String> tags) implements CaseChange {
        /**
         * An item added as entries written before the hit, camera, note and tags were recorded (they are absent
         * from the JSON, and a check of the case rows leaves those fields unchecked).
         */
        public ItemAdded(long itemId, int position, String video, String sha256, double inSeconds, double outSeconds,
                         String foundBy, String query, Float score, String modelId) {
            this(itemId, position, video, sha256, inSeconds, outSeconds, foundBy, query, score, modelId, null, null,
                    null, null);
        }

        @Override
        public String op() {
            return "add-item";
        }
    }

    record NoteSet(long itemId, int position, String note) implements CaseChange {
        @Override
        public String op() {
            return "note";
        }
    }

    record TagsSet(long itemId, int position, List<String> tags) implements CaseChange {
        @Override
        public String op() {
            return "tags";
        }
    }

    record SpanSet(long itemId, int position, double inSeconds, double outSeconds) implements CaseChange {
        @Override
        public String op() {
            return "span";
        }
    }

    record ItemMoved(long itemId, int from, int to) implements CaseChange {
        @Override
        public String op() {
            return "move-item";
        }
    }

    record ItemRemoved(long itemId, int position, String video, String sha256, double inSeconds, double outSeconds)
            implements CaseChange {
        @Override
        public String op() {
            return "remove-item";
        }
    }
}
