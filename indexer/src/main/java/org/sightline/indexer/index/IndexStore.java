package org.sightline.indexer.index;

import java.io.IOException;
import java.util.List;

/**
 * Where a data directory keeps its frame vectors: what {@link IndexCommitProtocol} and search need of it. Two stores
 * hold the same documents and fields: the embedded Lucene index ({@link SegmentIndex}, the default, no server) and a
 * SolrCloud collection shared by several workstations ({@code indexer.index.solr.SolrIndexStore}).
 *
 * <p>A store writes one generation (all frames of one video for one model) durably in {@link #replaceVideo}, and can
 * say afterwards which generation its last durable write was; this is what lets the commit protocol roll an
 * interrupted write forward or back.
 */
public interface IndexStore extends AutoCloseable {

    /** Where one stored frame vector belongs; for consistency checks. */
    record StoredFrame(long videoId, long segmentId, long generation, long offsetMillis) {
    }

    /** True when this process may only search (another one is writing the store). */
    boolean readOnly();

    /**
     * Makes sure this process may write (takes the store's write lock when it gave it back or never had it).
     *
     * @throws IndexBusyException another process is writing it
     */
    default void holdForWriting() throws IOException {
        if (readOnly()) {
            throw new IndexBusyException(null, null);
        }
    }

    /** Gives the write lock back, so that another process can write; searching goes on. No-op for stores without one. */
    default void releaseWriting() throws IOException {
    }

    /**
     * Writes the frames of one generation of a video durably, and in the same write deletes the video's older
     * documents of the same model and those of any model made from other content of the file.
     */
    void replaceVideo(VideoVectors v) throws IOException;

    /** Deletes the documents of one generation (a write that never completed), durably. */
    void deleteGeneration(long generation) throws IOException;

    /** The generation named by this data directory's last durable write, or -1. */
    long lastCommittedGeneration() throws IOException;

    /** Number of durable documents of this generation (of this data directory). */
    int countGeneration(long generation) throws IOException;

    /**
     * How many frames of a finished generation the store still holds; by default its own documents. A shared store
     * may count by content (the file and model), whoever wrote them last.
     */
    default int framesHeld(org.sightline.indexer.catalog.FinishedGeneration g) throws IOException {
        return countGeneration(g.number());
    }

    /** Number of frame vectors, of one model or (null) all. */
    int frameCount(String modelId) throws IOException;

    /**
     * Whether the video's frame vectors of this model were indexed from content with this SHA-256 (a catalog row whose
     * hash was edited afterwards no longer matches). A store that cannot tell answers true.
     */
    default boolean indexedWithHash(long videoId, String modelId, String sha256) throws IOException {
        return sha256 != null;
    }

    /** Number of frame documents carrying this object label (for status and checks). */
    default int frameCountWithLabel(String label) throws IOException {
        throw new IOException("this index store does not keep object labels (" + getClass().getSimpleName() + ")");
    }

    /** Every frame document this data directory wrote (for consistency checks and tests). */
    List<StoredFrame> storedFrames() throws IOException;

    /** Makes writes of this or another process visible to searches. */
    void refresh() throws IOException;

    /**
     * The {@code k} frames nearest to {@code vector} among those the filter allows, best first; the filter runs inside
     * the vector search.
     *
     * @param vector a normalised query vector of the filter's model
     */
    List<FrameHit> search(float[] vector, int k, FrameFilter filter) throws IOException;

    /**
     * The {@code k} frames nearest to {@code vector} in the whole store, every workstation's footage, best first. A
     * store only this data directory writes (the embedded index) refuses, in plain words.
     */
    default List<ArchiveHit> searchArchive(float[] vector, int k, FrameFilter filter) throws IOException {
        throw notAnArchive();
    }

    private IOException notAnArchive() {
        return new IOException("this data directory keeps its vectors in " + describe() + ", which holds only its own"
                + " footage; a team archive search needs `sightline config set index.store solr://ZKHOST:PORT/COLLECTION`");
    }

    /**
     * The stored frames of some segments of some files (by content: SHA-256 to the segment ids its writing workstation
     * gave them) for one model, without vectors or stills: the segments and labels a team archive search builds its
     * clips and reasons from. A store only this data directory writes refuses, like {@link #searchArchive}.
     */
    default List<ArchiveFrame> archiveFrames(java.util.Map<String, java.util.Set<Long>> segmentsBySha256, String modelId)
            throws IOException {
        throw notAnArchive();
    }

    /** The offset of the last stored frame of each of these files (by content) for one model, in seconds. */
    default java.util.Map<String, Double> archiveLastOffsets(java.util.Collection<String> sha256s, String modelId) throws IOException {
        throw notAnArchive();
    }

    /**
     * Whether this store keeps each segment's thumbnail with its representative frame (a shared store, so that other
     * workstations can show it); when false, {@link VideoVectors#thumbnails()} is left empty.
     */
    default boolean keepsThumbnails() {
        return false;
    }

    /**
     * The stored thumbnail of a file's footage (by content and model) nearest to {@code offsetSeconds}, from whichever
     * workstation wrote it; empty when the store keeps none.
     */
    default java.util.Optional<FrameThumbnail> archiveThumbnail(String sha256, String modelId, double offsetSeconds) throws IOException {
        return java.util.Optional.empty();
    }

    /** The normalised mean vector of one segment's frames, or null when the store holds none. */
    float[] segmentMeanVector(long segmentId) throws IOException;

    /** Bytes the store takes on this machine's disk (0 for a server store). */
    long sizeBytes();

    /** Plain words for status lines: which store, and where. */
    String describe();

    @Override
    void close() throws IOException;
}
