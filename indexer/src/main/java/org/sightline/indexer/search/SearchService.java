package org.sightline.indexer.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.sightline.indexer.catalog.CameraCatalog;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.SegmentRecord;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.footage.WorkstationZone;
import org.sightline.indexer.index.CameraZones;
import org.sightline.indexer.index.FrameFilter;
import org.sightline.indexer.index.FrameHit;
import org.sightline.indexer.index.IndexStore;
import org.sightline.models.runtime.PromptNotUnderstoodException;
import org.sightline.models.runtime.VisionLanguageModel;

/**
 * Prompt (or example) to ranked clips: the query becomes a vector of the active model, the index returns the
 * nearest frames of that model that pass the filters (inside the kNN search), and {@link ClipGrouper} joins them
 * into clips. With {@link SearchQuery.SortOrder#TIME} the best {@code limit} clips are returned in time order.
 *
 * <p>{@link PromptNotUnderstoodException} from the model passes through with its message. Thread safe.
 */
public final class SearchService {
    /** Frames fetched from the index per search, at least; more when the limit is high. */
    public static final int MIN_FRAMES = 300;

    private final Catalog catalog;
    private final IndexStore index;
    private final VisionLanguageModel model;
    private final ClipGrouper grouper;
    private final List<Consumer<SearchResult>> listeners = new CopyOnWriteArrayList<>();
    private volatile java.util.function.Supplier<WorkstationZone> workstationZone = WorkstationZone::operatingSystem;

    public SearchService(Catalog catalog, IndexStore index, VisionLanguageModel model, java.nio.file.Path thumbnailsDir) {
        this.catalog = catalog;
        this.index = index;
        this.model = model;
        this.grouper = new ClipGrouper(thumbnailsDir);
    }

    Catalog catalog() {
        return catalog;
    }

    IndexStore index() {
        return index;
    }

    VisionLanguageModel model() {
        return model;
    }

    ClipGrouper grouper() {
        return grouper;
    }

    /** Tells the listeners (the audit trail) about a search made outside {@link #search} ({@link ExplainedSearch}). */
    void announce(SearchResult result) {
        listeners.forEach(l -> l.accept(result));
    }

    /** The id of the model whose vectors this service searches. */
    public String modelId() {
        return model.id().asString();
    }

    /** Called after every successful search (e.g. the audit trail). */
    public void addListener(Consumer<SearchResult> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<SearchResult> listener) {
        listeners.remove(listener);
    }

    public SearchResult search(SearchQuery query) throws IOException {
        long t0 = System.nanoTime();
        float[] vector = queryVector(query);
        int k = Math.max(MIN_FRAMES, query.limit() * 8);
        FrameFilter filter = filter(query);
        List<FrameHit> hits = new ArrayList<>();
        for (FrameHit h : index.search(vector, k, filter)) {
            if (h.score() >= query.minScore()) {
                hits.add(h);
            }
        }
        hits = ClipGrouper.matching(hits);
        Set<Long> segmentIds = new HashSet<>();
        hits.forEach(h -> segmentIds.add(h.segmentId()));
        Map<Long, SegmentRecord> segments = catalog.segments(segmentIds);
        Set<Long> videoIds = new HashSet<>();
        segments.values().forEach(s -> videoIds.add(s.videoId()));
        Map<Long, VideoRecord> videos = videoIds.isEmpty() ? Map.of() : catalog.videos(videoIds);
        List<Clip> clips = new ArrayList<>();
        List<WithheldClip> withheld = new ArrayList<>();
        ClipRecordCheck check = new ClipRecordCheck(index, modelId());
        for (Clip c : grouper.group(hits, segments, videos)) {
            if (clips.size() >= query.limit()) {
                break;
            }
            Optional<String> problem = check.problem(c, videos.get(c.videoId()), segments, hits);
            if (problem.isPresent()) {
                withheld.add(new WithheldClip(c.video(), c.startSeconds(), c.endSeconds(), problem.get()));
            } else {
                clips.add(c);
            }
        }
        if (query.sort() == SearchQuery.SortOrder.TIME) {
            clips = new ArrayList<>(clips);
            clips.sort(Comparator.<Clip, Boolean>comparing(c -> c.wallClockStart().isEmpty())
                    .thenComparing(c -> c.wallClockStart().orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(c -> c.video().toString())
                    .thenComparingDouble(Clip::startSeconds));
        }
        SearchResult result = new SearchResult(query, clips, modelId(), hits.size(),
                (System.nanoTime() - t0) / 1_000_000, withheld);
        listeners.forEach(l -> l.accept(result));
        return result;
    }

    /**
     * Searches the whole store, every workstation's footage of a team archive (a SolrCloud store; the embedded index
     * refuses in plain words), as clips in tiers with why each matched (see {@link ArchiveClipSearch}): the first page.
     * Listeners are not told (the caller records the search).
     */
    public ArchiveSearchResult searchArchive(SearchQuery query) throws IOException {
        return searchArchive(query, 0, List.of());
    }

    /**
     * As {@link #searchArchive(SearchQuery)}, from the {@code offset}-th clip, also looking for files held by other
     * workstations in {@code sharedFolders} (folders of this workstation that hold the same archive as another's archive
     * folder: the recorded path below that folder and the recorded size must match).
     *
     * @throws PromptNotUnderstoodException the model reads none of the prompt's words
     */
    public ArchiveSearchResult searchArchive(SearchQuery query, int offset, List<java.nio.file.Path> sharedFolders) throws IOException {
        return new ArchiveClipSearch(this).search(query, offset, sharedFolders);
    }

    /**
     * The index filter for a query: cameras given by key or by name, each camera's time of day read in its zone.
     */
    FrameFilter filter(SearchQuery query) {
        CameraCatalog cameras = new CameraCatalog(catalog.database());
        return new FrameFilter(modelId(), cameras.keysFor(query.cameras()), query.from(), query.to(), query.dayFrom(),
                query.dayTo(), Set.of(), query.dayFrom() == null ? CameraZones.UTC : zones());
    }

    /** The zone each camera's time of day is read in. */
    CameraZones zones() {
        return new CameraZones(new CameraCatalog(catalog.database()).zones(), workstationZone().zone());
    }

    /** The zone of cameras with none of their own (the operating system's, unless the application layer says otherwise). */
    WorkstationZone workstationZone() {
        return workstationZone.get();
    }

    /** Where the zone of cameras with none of their own is read from each time it is needed (the data directory's setting). */
    public void useWorkstationZone(java.util.function.Supplier<WorkstationZone> zone) {
        this.workstationZone = java.util.Objects.requireNonNull(zone, "zone");
    }

    private float[] queryVector(SearchQuery query) throws IOException {
        if (query.prompt() != null) {
            if (query.prompt().isBlank()) {
                throw new PromptNotUnderstoodException("the prompt is empty; describe what to look for");
            }
            return model.embedText(query.prompt());
        }
        return switch (query.example()) {
            case SearchQuery.Example.OfFrame f -> model.embedImages(List.of(f.frame()))[0];
            case SearchQuery.Example.OfSegment s -> segmentVector(s.segmentId());
        };
    }

    private float[] segmentVector(long segmentId) throws IOException {
        SegmentRecord segment = catalog.segment(segmentId)
                .orElseThrow(() -> new IllegalArgumentException("segment " + segmentId + " is not in the catalog"));
        if (!segment.modelId().equals(modelId())) {
            throw new IllegalArgumentException("segment " + segmentId + " was embedded by model " + segment.modelId()
                    + ", not by the active model " + modelId() + "; run `sightline index --reembed` first");
        }
        float[] v = index.segmentMeanVector(segmentId);
        if (v == null) {
            throw new IllegalArgumentException("segment " + segmentId + " has no vectors in the index");
        }
        return v;
    }
}
