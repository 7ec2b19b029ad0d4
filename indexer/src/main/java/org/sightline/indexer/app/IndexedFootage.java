package org.sightline.indexer.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.perception.FrameDetections;
import org.sightline.indexer.perception.LabelSpan;
import org.sightline.indexer.perception.ObjectQuery;
import org.sightline.indexer.perception.ObjectTrack;
import org.sightline.indexer.perception.PerceptionSummary;
import org.sightline.indexer.index.IndexStore;

/** What the catalog and the vector index of a data directory know about its footage (read only). */
public final class IndexedFootage {
    private final Catalog catalog;
    private final IndexStore index;
    /** Perception summaries by video and generation ({@link #perceptionSummaries()}). */
    private final Map<SummaryKey, PerceptionSummary> summaries = new ConcurrentHashMap<>();

    IndexedFootage(Catalog catalog, IndexStore index) {
        this.catalog = catalog;
        this.index = index;
    }

    /** Every video in the catalog with its status. */
    public List<VideoRecord> videos() {
        return catalog.videos();
    }

    /** The catalog's record of the file at this path, if it was ever queued for indexing. */
    public Optional<VideoRecord> videoByPath(Path path) {
        return catalog.videoByPath(path);
    }

    /** Seconds of footage in videos that are done or partial. */
    public double indexedFootageSeconds() {
        return catalog.indexedFootageSeconds();
    }

    /**
     * Every frame of a video the object detector examined, with what it found (label, score, box, colour), in time
     * order; empty when the video was indexed without a detector. Only finished generations count.
     */
    public List<FrameDetections> detections(long videoId) {
        return catalog.detectionsOf(videoId);
    }

    /** The examined frames of a video between two offsets (inclusive), e.g. the detections of a clip. */
    public List<FrameDetections> detections(long videoId, double fromSeconds, double toSeconds) {
        return catalog.detectionsOf(videoId).stream()
                .filter(f -> f.offsetSeconds() >= fromSeconds && f.offsetSeconds() <= toSeconds).toList();
    }

    /**
     * Where the detector saw what the query asks for (a label, at least a count, a colour), across every video, as
     * spans of consecutive matching examined frames, by video and time.
     */
    public List<LabelSpan> spans(ObjectQuery query) {
        List<LabelSpan> spans = new java.util.ArrayList<>();
        catalog.detectionsOfVideosWith(query.label()).forEach((video, frames) -> spans.addAll(LabelSpan.find(video, frames, query)));
        return spans;
    }

    /**
     * Objects followed across the video's examined frames (class, colour, first and last seen, path, direction,
     * dwell), by first sighting; empty when it was indexed without a detector.
     */
    public List<ObjectTrack> tracks(long videoId) {
        return catalog.tracksOf(videoId);
    }

    /**
     * Which perception packs found the video's detections, text and tracks (name, version, manifest SHA-256 of each),
     * for reports of what found a clip; empty when none ran.
     */
    public Optional<String> perceptionPacks(long videoId) {
        return catalog.perceptionPacks(videoId);
    }

    /**
     * What the perception packs found in the video, in a line and in detail (objects and at how many examined frames,
     * text read, the burned-in clock, tracks, which packs ran), for lists of videos; {@link PerceptionSummary#NONE}
     * when none ran.
     */
    public PerceptionSummary perceptionSummary(long videoId) {
        List<FrameDetections> frames = catalog.detectionsOf(videoId);
        if (frames.isEmpty()) {
            return PerceptionSummary.NONE;
        }
        return PerceptionSummary.of(frames, catalog.tracksOf(videoId), catalog.perceptionPacks(videoId).orElse(""));
    }

    /**
     * {@link #perceptionSummary} of every video perception ran on, by video id (the others are not in the map). Each
     * summary is computed once per generation and kept while that generation is the video's, so a list refreshed after
     * every indexed file reads only what changed.
     */
    public Map<Long, PerceptionSummary> perceptionSummaries() {
        Map<Long, Long> generations = catalog.perceptionGenerations();
        Set<SummaryKey> current = new HashSet<>();
        generations.forEach((video, gen) -> current.add(new SummaryKey(video, gen)));
        summaries.keySet().retainAll(current);
        Map<Long, PerceptionSummary> out = new HashMap<>();
        for (SummaryKey key : current) {
            out.put(key.video(), summaries.computeIfAbsent(key, k -> catalog.perceptionSummaryOfGeneration(k.generation())));
        }
        return out;
    }

    private record SummaryKey(long video, long generation) {
    }

    /**
     * The recording start the video's burned-in clock shows (its first frame's time), when a clock was read; kept
     * beside the start from metadata or the file name ({@link VideoRecord#recordingStart()}, whose source says which
     * one it is) so both can be shown when they disagree.
     */
    public Optional<java.time.Instant> clockStart(long videoId) {
        return catalog.clockStart(videoId);
    }

    /** Number of frame documents in the search index that carry this object label (for status and checks). */
    public int framesWithLabel(String label) {
        try {
            return index.frameCountWithLabel(label);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot count frames with " + label + " in the index: " + e.getMessage(), e);
        }
    }

    /** True when another process holds the index for writing, so this one can only search. */
    public boolean readOnly() {
        return index.readOnly();
    }
}
