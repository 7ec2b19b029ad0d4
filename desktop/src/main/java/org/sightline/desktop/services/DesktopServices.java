package org.sightline.desktop.services;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sightline.desktop.cases.CaseFiles;
import org.sightline.desktop.library.FootageLibrary;
import org.sightline.desktop.models.ModelPacks;
import org.sightline.desktop.search.ArchiveSearch;
import org.sightline.desktop.search.ClipSearch;
import org.sightline.desktop.viewer.ClipToView;

/**
 * The indexer's services for one open data directory, seen through the narrow interfaces the pages use.
 * Opened off the FX thread; closed when the window closes.
 */
public interface DesktopServices extends AutoCloseable {

    /**
     * The figures of the status bar.
     *
     * @param activeModel the active model's id, empty when no pack is active
     * @param teamArchive which team archive (SolrCloud collection) holds the vectors; empty for the embedded index
     */
    record IndexFacts(long videos, long segments, double footageHours, long indexBytes, Optional<String> activeModel,
            Optional<String> teamArchive) {
        public IndexFacts(long videos, long segments, double footageHours, long indexBytes, Optional<String> activeModel) {
            this(videos, segments, footageHours, indexBytes, activeModel, Optional.empty());
        }
    }

    /** What a notice is about. */
    enum NoticeKind {
        /** Videos whose vectors are missing from the search index (it was damaged, deleted or set aside). */
        VECTORS_MISSING,
        /** A case whose rows disagree with the audit trail (edited outside Sightline). */
        CASE_DISAGREES,
        /** An export whose process stopped before it finished; its unfinished folder was removed. */
        EXPORT_ABANDONED
    }

    /**
     * Something wrong with the data directory the window must show (the indexer detected it).
     *
     * @param videos for {@link NoticeKind#VECTORS_MISSING}: the videos to embed again; empty otherwise
     * @param caseId for {@link NoticeKind#CASE_DISAGREES}: the case; null otherwise
     */
    record Notice(NoticeKind kind, String text, List<Path> videos, Long caseId) {
        public Notice {
            videos = videos == null ? List.of() : List.copyOf(videos);
        }
    }

    ModelPacks models();

    ClipSearch search();

    /** The whole team archive's search; {@link ArchiveSearch#NONE} when the data directory keeps its own index. */
    default ArchiveSearch archive() {
        return ArchiveSearch.NONE;
    }

    FootageLibrary library();

    /** Case dossiers, or null when this build or data directory has no case service. */
    default CaseFiles cases() {
        return null;
    }

    /** Records in the audit trail that the user viewed this clip (may block). */
    default void recordView(ClipToView clip) {
    }

    /**
     * A number that changes when another process (the command line) changed this data directory's catalog, cases or
     * audit trail; when it changed since the last call, searches are also made to see that process's index commits.
     * Cheap (may block briefly); polled by the window every second or two.
     */
    default long changesByOthers() throws Exception {
        return 0;
    }

    /**
     * What is wrong in the data directory now (videos without vectors, cases edited outside Sightline, exports
     * abandoned since the window opened); empty when all is well. May block.
     */
    default List<Notice> notices() throws Exception {
        return List.of();
    }

    /** Reads the figures now (may block). */
    IndexFacts facts() throws Exception;

    @Override
    void close();
}
