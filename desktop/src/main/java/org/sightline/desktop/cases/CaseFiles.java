package org.sightline.desktop.cases;

import java.nio.file.Path;
import java.util.List;

/**
 * Case dossiers as the Cases page needs them: the indexer's case service behind a narrow interface.
 * Every method may block: call from background tasks.
 */
public interface CaseFiles {

    record CaseRow(long id, String name, String reference, String status) {
        @Override
        public String toString() {
            return reference + " · " + name;
        }
    }

    /** One clip kept in a case. */
    record ItemRow(long id, int position, Path video, String camera, double inSeconds, double outSeconds,
            double hitSeconds, String foundBy, String note) {
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

    List<CaseRow> cases() throws Exception;

    CaseRow create(String name, String reference) throws Exception;

    List<ItemRow> items(long caseId) throws Exception;

    void add(long caseId, Moment moment) throws Exception;
}
