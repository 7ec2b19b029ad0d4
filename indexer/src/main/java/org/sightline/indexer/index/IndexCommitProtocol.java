package org.sightline.indexer.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.FinishedGeneration;
import org.sightline.indexer.catalog.Generation;
import org.sightline.indexer.catalog.SegmentDraft;
import org.sightline.indexer.footage.SamplingReport;
import org.sightline.indexer.perception.VideoPerception;

/**
 * Keeps the SQLite catalog and the Lucene index in step, so that a crash (even SIGKILL) at any moment leaves a
 * state from which the next run resumes with no lost and no duplicated segment.
 *
 * <p>The unit of work is a <em>generation</em>: one write of all the segments of one video for one model. Writing
 * one takes three durable steps, and there is only ever one writer (Lucene's write lock):
 * <ol>
 *   <li><b>Catalog, begin</b>: one SQLite transaction inserts the generation as {@code writing}, its segment
 *       rows (which gives the segment ids the index documents carry) and what the object detector found (examined
 *       frames and detections, removed with the generation).</li>
 *   <li><b>Index</b>: in one Lucene commit, delete the video's older documents of that model (and of any model
 *       for older content), add the generation's frame documents, and record the generation number in the commit's
 *       user data (for Lucene {@link SegmentIndex#COMMITTED_GENERATION}; see {@link IndexStore}).</li>
 *   <li><b>Catalog, complete</b>: one SQLite transaction marks the generation {@code done}, deletes the older
 *       generations (their segments cascade) and gives the video its outcome (done, or partial with the damage).</li>
 * </ol>
 * Segments count only when their generation is {@code done}. {@link #reconcile()} runs whenever the workspace opens
 * and looks at every generation still {@code writing}: if the last Lucene commit names it, step 2 happened and step 3
 * is redone (roll forward); otherwise its documents are deleted from Lucene (none can be committed, but the delete
 * is idempotent) and its catalog rows removed (roll back), and the video is indexed again by the next run. Each
 * branch is idempotent, so a crash during reconciliation is repaired by the next one. Thumbnail files of removed
 * segments are deleted after the catalog commit; a crash can at worst leave an unreferenced JPEG.
 */
public final class IndexCommitProtocol {
    private final Catalog catalog;
    private final IndexStore index;
    private final Path thumbnailsDir;

    public IndexCommitProtocol(Catalog catalog, IndexStore index, Path thumbnailsDir) {
        this.catalog = catalog;
        this.index = index;
        this.thumbnailsDir = thumbnailsDir;
    }

    /** A finished video ready to be written: its segments and their frames, in the order of the segment drafts. */
    public record VideoWrite(long videoId, String modelId, String sha256, String camera, java.util.Optional<java.time.Instant> recordingStart,
            Long runId, List<SegmentDraft> segments, List<List<IndexedFrame>> framesPerSegment,
            Optional<SamplingReport.Damage> damage, int framesSkipped, VideoPerception perception) {
        public VideoWrite {
            perception = perception == null ? VideoPerception.NONE : perception;
        }

        /** A write without detections (no object detector ran). */
        public VideoWrite(long videoId, String modelId, String sha256, String camera, Optional<java.time.Instant> recordingStart,
                Long runId, List<SegmentDraft> segments, List<List<IndexedFrame>> framesPerSegment,
                Optional<SamplingReport.Damage> damage, int framesSkipped) {
            this(videoId, modelId, sha256, camera, recordingStart, runId, segments, framesPerSegment, damage, framesSkipped,
                    VideoPerception.NONE);
        }
    }

    /** Writes one video's generation through the three steps; returns the segment ids. */
    public List<Long> write(VideoWrite w) throws IOException {
        int embedded = w.framesPerSegment().stream().mapToInt(List::size).sum();
        Catalog.StartedGeneration started = catalog.beginGeneration(w.videoId(), w.modelId(), w.sha256(), w.runId(),
                w.segments(), w.damage(), embedded, w.framesSkipped(), w.perception());
        long gen = started.generation().number();
        List<IndexedFrame> frames = new ArrayList<>(embedded);
        for (int i = 0; i < w.segments().size(); i++) {
            long segmentId = started.segmentIds().get(i);
            for (IndexedFrame f : w.framesPerSegment().get(i)) {
                frames.add(new IndexedFrame(segmentId, f.offsetSeconds(), f.vector(), f.labels()));
            }
        }
        try {
            // a video with no recording start from metadata or its name takes its burned-in clock's
            index.replaceVideo(new VideoVectors(w.videoId(), w.modelId(), w.sha256(), gen, w.camera(),
                    w.recordingStart().or(() -> w.perception().clockStart()), frames, sourceFile(w.videoId()),
                    index.keepsThumbnails() ? thumbnails(w, started.segmentIds()) : java.util.Map.of()));
        } catch (IOException | RuntimeException e) {
            // nothing of it reached the index (the index drops what it left uncommitted): undo the catalog's side now
            // rather than at the next open, so this process can index the video again
            try {
                deleteThumbnails(catalog.rollbackGeneration(gen));
            } catch (RuntimeException notNow) {
                e.addSuppressed(notNow); // reconciled when the data directory is next opened
            }
            throw e;
        }
        deleteThumbnails(catalog.completeGeneration(gen));
        return started.segmentIds();
    }

    /**
     * The thumbnails of the write's segments by segment id, read from the thumbnails folder (a segment whose JPEG is
     * missing or larger than {@link #MAX_SHARED_THUMBNAIL_BYTES} goes without: the store stays small).
     */
    private java.util.Map<Long, FrameThumbnail> thumbnails(VideoWrite w, List<Long> segmentIds) throws IOException {
        java.util.Map<Long, FrameThumbnail> out = new java.util.HashMap<>();
        for (int i = 0; i < w.segments().size(); i++) {
            SegmentDraft s = w.segments().get(i);
            if (s.thumbnail() == null) {
                continue;
            }
            Path file = thumbnailsDir.resolve(s.thumbnail());
            if (Files.isRegularFile(file) && Files.size(file) > 0 && Files.size(file) <= MAX_SHARED_THUMBNAIL_BYTES) {
                out.put(segmentIds.get(i), new FrameThumbnail(s.representativeOffset(), Files.readAllBytes(file)));
            }
        }
        return out;
    }

    /** The largest thumbnail a shared store is given (the indexer's thumbnails are a few kilobytes). */
    static final int MAX_SHARED_THUMBNAIL_BYTES = 64 * 1024;

    /** The file as this workstation knows it: its name, its path below the archive folder it came from, its size. */
    private VideoVectors.SourceFile sourceFile(long videoId) {
        return catalog.video(videoId).map(v -> {
            Path file = v.path();
            String archivePath = null;
            Path bestRoot = null;
            for (Path root : catalog.archiveRoots()) {
                if (file.startsWith(root) && !file.equals(root)
                        && (bestRoot == null || root.getNameCount() > bestRoot.getNameCount())) {
                    bestRoot = root;
                }
            }
            if (bestRoot != null) {
                archivePath = bestRoot.relativize(file).toString().replace(java.io.File.separatorChar, '/');
            }
            Path name = file.getFileName();
            return new VideoVectors.SourceFile(name == null ? file.toString() : name.toString(), archivePath, v.sizeBytes());
        }).orElse(VideoVectors.SourceFile.UNKNOWN);
    }

    /**
     * Repairs what an interrupted run left: rolls each unfinished generation forward or back (see the class
     * comment). Returns how many it repaired.
     */
    public int reconcile() throws IOException {
        if (!index.readOnly() && catalog.markInterruptedRuns() > 0) { // no other process indexes while this one holds the index
            deleteOrphanThumbnails();
        }
        List<Generation> unfinished = catalog.unfinishedGenerations();
        if (unfinished.isEmpty()) {
            return 0;
        }
        long committed = index.lastCommittedGeneration();
        for (Generation g : unfinished) {
            if (g.number() == committed && !index.readOnly()) {
                deleteThumbnails(catalog.completeGeneration(g.number()));
            } else if (!index.readOnly()) {
                index.deleteGeneration(g.number());
                deleteThumbnails(catalog.rollbackGeneration(g.number()));
            }
        }
        return unfinished.size();
    }

    /**
     * Checks every finished generation against the index: one document per embedded frame. A generation whose
     * documents are missing (the index folder or one of its commits was deleted, or a damaged index was set aside and
     * started again) is discarded, its remaining documents deleted, and its video queued, so that the next index run
     * embeds it again without being asked; what was lost is returned for the status line and the audit trail. Nothing is
     * checked while another process holds the index for writing (it runs the same check when it opens).
     */
    public List<LostVectors> checkAgainstIndex() throws IOException {
        if (index.readOnly()) {
            return List.of();
        }
        List<LostVectors> lost = new ArrayList<>();
        for (FinishedGeneration g : catalog.finishedGenerations()) {
            int found = index.framesHeld(g);
            if (found >= g.framesEmbedded()) {
                continue;
            }
            LostVectors l = new LostVectors(g.videoId(), g.video(), g.modelId(), g.framesEmbedded(), found);
            lost.add(l);
            if (found > 0) {
                index.deleteGeneration(g.number());
            }
            deleteThumbnails(catalog.discardLostGeneration(g.number(),
                    "its vectors were missing from the index (" + found + " of " + g.framesEmbedded()
                            + " frames); the next index run embeds it again"));
        }
        return lost;
    }

    /**
     * A run killed between writing a file's thumbnails and recording its segments leaves JPEGs no segment refers to;
     * after an interrupted run they are deleted (issue 11, item 21). Only the thumbnail folders' JPEGs are touched.
     */
    private void deleteOrphanThumbnails() throws IOException {
        if (!Files.isDirectory(thumbnailsDir)) {
            return;
        }
        java.util.Set<String> referenced = catalog.referencedThumbnails();
        List<String> orphans = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.walk(thumbnailsDir, 2)) {
            files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".jpg"))
                    .map(f -> thumbnailsDir.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                    .filter(r -> !referenced.contains(r)).forEach(orphans::add);
        }
        deleteThumbnails(orphans);
    }

    private void deleteThumbnails(List<String> relative) {
        for (String r : relative) {
            try {
                Path p = thumbnailsDir.resolve(r);
                Files.deleteIfExists(p);
                Path parent = p.getParent();
                if (parent != null && !parent.equals(thumbnailsDir)) {
                    try (var s = Files.list(parent)) {
                        if (s.findAny().isEmpty()) {
                            Files.deleteIfExists(parent);
                        }
                    }
                }
            } catch (IOException e) {
                // an unreferenced thumbnail is harmless; the catalog no longer points at it
            }
        }
    }
}
