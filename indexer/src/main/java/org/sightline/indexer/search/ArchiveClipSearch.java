package org.sightline.indexer.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sightline.indexer.footage.WallClock;
import org.sightline.indexer.footage.WorkstationZone;
import org.sightline.indexer.footage.ZoneSource;
import org.sightline.indexer.index.ArchiveFrame;
import org.sightline.indexer.index.CameraZones;
import org.sightline.indexer.index.ArchiveHit;
import org.sightline.indexer.index.FrameFilter;
import org.sightline.indexer.search.ArchiveSearchResult.ArchiveClip;
import org.sightline.indexer.search.ArchiveSearchResult.ArchiveFile;
import org.sightline.indexer.search.ArchiveSearchResult.LocalCopy;
import org.sightline.indexer.search.query.ParsedPrompt;
import org.sightline.indexer.search.query.PromptParser;
import org.sightline.indexer.search.query.QueryPart;
import org.sightline.models.runtime.PromptNotUnderstoodException;
import org.sightline.models.runtime.VisionLanguageModel;

/**
 * A prompt search of a whole team archive, every workstation's footage, answered as clips with tiers and reasons from
 * what the shared store holds. The prompt is read into parts as for local search ({@link PromptParser}); the words
 * describing how things look go to the active model; objects of one class ("person", "car") become label filters inside
 * the kNN search (a label no frame carries is said, and the search runs on the model alone); times of day become a
 * time-of-day filter. The hits are tiered as {@link ExplainedSearch} tiers them (stand-out over background prompts,
 * drawn from the same archive under the same filters), and each file's hits are grouped by the local clip rule
 * ({@link ClipGrouper#runs}) on the segments the indexing workstation cut ({@link ArchiveSegments}). Each clip says why:
 * the model's similarity, the object labels the indexing workstation's detector saw during it, and what the shared
 * store cannot tell (it keeps no boxes, tracks or recognised text).
 */
public final class ArchiveClipSearch {
    private final SearchService service;
    private final PromptParser parser = new PromptParser();
    /** Zones this workstation sets for cameras, and its own zone; read once per search, when a clip needs them. */
    private CameraZones ownZones;
    private WorkstationZone workstationZone;

    ArchiveClipSearch(SearchService service) {
        this.service = service;
    }

    /** One file's segment as the indexing workstation numbered it. */
    private record SegmentKey(String sha256, String workstation, long segmentId) {
    }

    private record SegmentHit(ArchiveSegments.Segment segment, ArchiveHit best, int frames) {
    }

    ArchiveSearchResult search(SearchQuery query, int offset, List<Path> sharedFolders) throws IOException {
        long t0 = System.nanoTime();
        if (query.prompt() == null) {
            throw new IllegalArgumentException("a team archive search needs a prompt");
        }
        ParsedPrompt parsed = parser.parse(query.prompt());
        VisionLanguageModel model = service.model();
        String modelText = parsed.visualText();
        float[] looks = ExplainedSearch.modelVector(model, modelText);
        float[] vector = looks;
        List<Reason> common = new ArrayList<>();
        List<UnansweredPart> unanswered = new ArrayList<>();
        List<QueryPart.ObjectPart> wanted = new ArrayList<>();
        List<QueryPart.ObjectPart> unwanted = new ArrayList<>();
        Set<String> labels = new TreeSet<>();
        SearchQuery effective = query;
        for (QueryPart part : parsed.parts()) {
            switch (part) {
                case QueryPart.TimeOfDayPart t when query.dayFrom() == null -> {
                    effective = effective.withTimeOfDay(t.from(), t.to());
                    common.add(new Reason(t.describe(), "recorded inside this daily window (time of day as the team archive "
                            + "stores it)"));
                }
                case QueryPart.TimeOfDayPart t -> unanswered.add(new UnansweredPart(t.describe(), t.words(),
                        "the --time-of-day window given replaces it"));
                case QueryPart.ColourPart c when looks != null && ExplainedSearch.understands(model, c.words().getLast()) ->
                        common.add(new Reason(c.describe(), "by the model's similarity for the whole picture"));
                case QueryPart.ColourPart c -> unanswered.add(new UnansweredPart(c.describe(), c.words(),
                        "the model " + service.modelId() + " does not know the word"));
                case QueryPart.ObjectPart o when o.negated() -> unwanted.add(o);
                case QueryPart.ObjectPart o -> {
                    wanted.add(o);
                    if (o.classes().size() == 1) {
                        labels.add(o.classes().getFirst());
                    }
                    if (!o.count().equals(QueryPart.Count.ANY)) {
                        unanswered.add(new UnansweredPart(o.count().describe() + " × " + o.noun(), o.words(),
                                NOT_IN_STORE + " how many were seen at once (it keeps which objects a frame showed)"));
                    }
                    for (QueryPart.Colour colour : o.colours()) {
                        if (looks != null && ExplainedSearch.understands(model, colour.name())) {
                            common.add(new Reason("colour " + colour.describe(), "by the model's similarity for the whole "
                                    + "picture, not tied to the " + o.noun() + " (" + NOT_IN_STORE + " boxes)"));
                        } else {
                            unanswered.add(new UnansweredPart("colour " + colour.describe() + " of the " + o.noun(), o.words(),
                                    NOT_IN_STORE + " boxes or their colours"));
                        }
                    }
                }
                case QueryPart.SceneTextPart s -> unanswered.add(new UnansweredPart(s.describe(), s.words(),
                        NOT_IN_STORE + " recognised text"));
                case QueryPart.RelationPart r -> unanswered.add(new UnansweredPart(r.describe(), r.words(),
                        NOT_IN_STORE + " boxes or tracks"));
                case QueryPart.MotionPart m -> unanswered.add(new UnansweredPart(m.describe(), m.words(),
                        NOT_IN_STORE + " tracks"));
            }
        }
        if (vector == null && !wanted.isEmpty()) {
            // the model alone could not read the looks; the objects' names may still be words it knows
            modelText = String.join(" ", wanted.stream().map(QueryPart.ObjectPart::noun).toList());
            vector = ExplainedSearch.modelVector(model, modelText);
        }
        List<String> ignored = new ArrayList<>();
        for (String w : parsed.unknown()) {
            if (vector == null || !ExplainedSearch.understands(model, w)) {
                ignored.add(w);
            }
        }
        if (vector == null) {
            throw new PromptNotUnderstoodException("nothing in \"" + query.prompt() + "\" can be searched in the team archive: "
                    + "the model " + service.modelId() + " recognises none of its words, and the archive is searched through the"
                    + " model (object labels then narrow it). Describe how things look in words the model knows (the"
                    + " demonstration colour model knows colours, e.g. \"white\"; a CLIP pack reads descriptions such as"
                    + " \"a person on a bicycle\").");
        }

        int k = Math.max(SearchService.MIN_FRAMES, (offset + query.limit()) * 8);
        FrameFilter unlabelled = service.filter(effective);
        FrameFilter filter = unlabelled.withLabels(labels);
        List<ArchiveHit> hits = hits(vector, k, filter, query.minScore());
        if (hits.isEmpty() && !labels.isEmpty()) {
            unanswered.add(new UnansweredPart(String.join(", ", labels), List.of(), "no frame of the team archive that passes "
                    + "the filters carries " + (labels.size() == 1 ? "this label" : "these labels") + " (footage indexed"
                    + " without a detector pack has none): searched by the model alone"));
            filter = unlabelled;
            labels = Set.of();
            hits = hits(vector, k, filter, query.minScore());
        }
        FrameFilter used = filter;
        StandOut standOut = StandOut.of(scores(hits));
        ExplainedSearch.Thresholds thresholds = ExplainedSearch.thresholds(model, vector,
                v -> scores(service.index().searchArchive(v, k, used)));

        // the hit segments of each file as its workstation cut them
        Map<String, Set<Long>> hitSegments = new HashMap<>();
        hits.forEach(h -> hitSegments.computeIfAbsent(h.sha256(), x -> new TreeSet<>()).add(h.segmentId()));
        Map<String, Double> lastOffsets = hitSegments.isEmpty() ? Map.of()
                : service.index().archiveLastOffsets(hitSegments.keySet(), service.modelId());
        Map<String, List<ArchiveFrame>> framesByFile = new HashMap<>();
        for (ArchiveFrame f : hitSegments.isEmpty() ? List.<ArchiveFrame>of()
                : service.index().archiveFrames(hitSegments, service.modelId())) {
            framesByFile.computeIfAbsent(f.sha256() + "\u0000" + f.workstation(), x -> new ArrayList<>()).add(f);
        }
        Map<String, ArchiveSegments> segmentsByFile = new HashMap<>();
        framesByFile.forEach((file, frames) -> segmentsByFile.put(file, new ArchiveSegments(frames,
                lastOffsets.getOrDefault(frames.getFirst().sha256(), Double.POSITIVE_INFINITY))));

        Map<SegmentKey, List<ArchiveHit>> bySegment = new LinkedHashMap<>();
        for (ArchiveHit h : hits) {
            bySegment.computeIfAbsent(new SegmentKey(h.sha256(), h.workstation(), h.segmentId()), x -> new ArrayList<>()).add(h);
        }
        Map<Tier, Map<String, List<SegmentHit>>> byTierAndFile = new EnumMap<>(Tier.class);
        int segmentless = 0;
        for (var e : bySegment.entrySet()) {
            ArchiveSegments segments = segmentsByFile.get(e.getKey().sha256() + "\u0000" + e.getKey().workstation());
            ArchiveSegments.Segment segment = segments == null ? null : segments.segment(e.getKey().segmentId());
            ArchiveHit best = e.getValue().stream().max(Comparator.comparingDouble(ArchiveHit::score)).orElseThrow();
            if (segment == null) {
                // rewritten between the kNN search and reading the file's frames: its own moment, nothing dropped
                segment = new ArchiveSegments.Segment(e.getKey().segmentId(), best.offsetSeconds(), best.offsetSeconds() + 0.001,
                        List.of());
                segmentless++;
            }
            Tier tier = thresholds.tierOf(standOut.of(best.score()));
            byTierAndFile.computeIfAbsent(tier, t -> new LinkedHashMap<>())
                    .computeIfAbsent(e.getKey().sha256() + "\u0000" + e.getKey().workstation(), x -> new ArrayList<>())
                    .add(new SegmentHit(segment, best, e.getValue().size()));
        }

        String modelEvidence = "\"" + modelText + "\" (model " + service.modelId() + ")";
        ArchiveCopies copies = new ArchiveCopies(service.catalog(), sharedFolders);
        Map<String, ArchiveFile> files = new HashMap<>();
        Map<Tier, List<ArchiveClip>> byTier = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            for (List<SegmentHit> segmentHits : byTierAndFile.getOrDefault(tier, Map.of()).values()) {
                for (List<SegmentHit> run : ClipGrouper.runs(segmentHits, sh -> sh.segment().startSeconds(),
                        sh -> sh.segment().endSeconds())) {
                    ArchiveHit best = run.stream().map(SegmentHit::best).max(Comparator.comparingDouble(ArchiveHit::score))
                            .orElseThrow();
                    ArchiveFile file = files.computeIfAbsent(best.sha256() + "\u0000" + best.workstation(),
                            x -> copies.file(best));
                    ArchiveClip clip = clip(run, best, file, tier, standOut, modelEvidence, common, wanted, unwanted,
                            !labels.isEmpty());
                    byTier.computeIfAbsent(clip.tier(), t -> new ArrayList<>()).add(clip);
                }
            }
        }
        List<ArchiveClip> all = new ArrayList<>();
        Map<Tier, Integer> counts = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            List<ArchiveClip> clips = new ArrayList<>(byTier.getOrDefault(tier, List.of()));
            clips.sort(Comparator.comparingDouble((ArchiveClip c) -> c.score()).reversed()
                    .thenComparing(c -> c.file().sha256()).thenComparingDouble(ArchiveClip::startSeconds));
            counts.put(tier, clips.size());
            all.addAll(clips);
        }
        List<ArchiveClip> page = new ArrayList<>();
        for (ArchiveClip c : all.subList(Math.min(all.size(), offset), Math.min(all.size(), offset + query.limit()))) {
            page.add(c.withThumbnail(service.index().archiveThumbnail(c.file().sha256(), service.modelId(), c.bestOffsetSeconds())));
        }
        if (query.sort() == SearchQuery.SortOrder.TIME) {
            page.sort(Comparator.<ArchiveClip, Boolean>comparing(c -> c.wallClockStart().isEmpty())
                    .thenComparing(c -> c.wallClockStart().orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(c -> c.file().sha256()).thenComparingDouble(ArchiveClip::startSeconds));
        }
        String rule = thresholds.describe() + "; over the frame hits of every workstation's footage";
        if (segmentless > 0) {
            rule += String.format(Locale.ROOT, "; %d hit segment%s rewritten while searching shown as single moments",
                    segmentless, segmentless == 1 ? " was" : "s were");
        }
        return new ArchiveSearchResult(query, page, counts, offset, ignored, unanswered, service.modelId(), hits.size(), rule,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** The reason that names what the shared store cannot tell about a clip. */
    public static final String NOT_EXPLAINED = "not explainable from the team archive";

    /** How much the shared store keeps of another workstation's perception, for reasons. */
    static final String NOT_IN_STORE = "the team archive's shared store does not keep";

    private List<ArchiveHit> hits(float[] vector, int k, FrameFilter filter, float minScore) throws IOException {
        List<ArchiveHit> out = new ArrayList<>();
        for (ArchiveHit h : service.index().searchArchive(vector, k, filter)) {
            if (h.score() >= minScore) {
                out.add(h);
            }
        }
        return out;
    }

    private ArchiveClip clip(List<SegmentHit> run, ArchiveHit best, ArchiveFile file, Tier tier, StandOut standOut,
                             String modelEvidence, List<Reason> common, List<QueryPart.ObjectPart> wanted,
                             List<QueryPart.ObjectPart> unwanted, boolean labelFiltered) {
        double start = run.getFirst().segment().startSeconds();
        double end = run.getLast().segment().endSeconds();
        List<ArchiveFrame> frames = run.stream().flatMap(sh -> sh.segment().frames().stream()).toList();
        Optional<Instant> wall = frames.stream().filter(f -> f.recordedAt().isPresent()).findFirst()
                .map(f -> f.recordedAt().orElseThrow().minusMillis(Math.round((f.offsetSeconds() - start) * 1000)));
        // what the detector of the indexing workstation saw: each label at the first frame showing it
        Map<String, Double> firstSeen = new TreeMap<>();
        Map<String, Integer> framesWith = new TreeMap<>();
        for (ArchiveFrame f : frames) {
            for (String label : f.labels()) {
                firstSeen.putIfAbsent(label, f.offsetSeconds());
                framesWith.merge(label, 1, Integer::sum);
            }
        }
        String detector = "labels from workstation " + file.workstation() + "'s detector";
        List<Reason> why = new ArrayList<>();
        why.add(new Reason("looks like " + modelEvidence, String.format(Locale.ROOT,
                "similarity %.3f at %.1f s, %.1f deviations above this search's median frame", best.score(),
                best.offsetSeconds(), standOut.of(best.score()))));
        why.addAll(common);
        Tier placed = tier;
        for (QueryPart.ObjectPart o : wanted) {
            List<String> seen = o.classes().stream().filter(firstSeen::containsKey).toList();
            if (seen.isEmpty()) {
                why.add(new Reason(o.describe(), "not among the labels stored for the clip's frames (the " + detector
                        + (labelFiltered ? "" : ", when it had one") + "): ranked by the model alone"));
            } else {
                why.add(new Reason(o.describe(), String.join(", ", seen.stream().map(l -> String.format(Locale.ROOT,
                        "%s seen at %.0f s", l, firstSeen.get(l))).toList()) + " (" + detector + ")"));
            }
        }
        for (QueryPart.ObjectPart o : unwanted) {
            List<String> seen = o.classes().stream().filter(firstSeen::containsKey).toList();
            if (seen.isEmpty()) {
                why.add(new Reason(o.describe(), "none among the labels stored for the clip's frames (" + detector + ")"));
            } else {
                why.add(new Reason(o.describe(), "but " + String.join(", ", seen) + " seen at "
                        + String.format(Locale.ROOT, "%.0f s", firstSeen.get(seen.getFirst())) + " (" + detector
                        + "): placed in the 'more' tier"));
                placed = Tier.MORE;
            }
        }
        Set<String> named = new TreeSet<>();
        wanted.forEach(o -> named.addAll(o.classes()));
        unwanted.forEach(o -> named.addAll(o.classes()));
        if (!named.containsAll(firstSeen.keySet())) {
            // the other labels, those seen at the same moment named together: "person, car seen at 12 s"
            Map<Double, List<String>> byMoment = new TreeMap<>();
            firstSeen.forEach((label, at) -> {
                if (!named.contains(label)) {
                    byMoment.computeIfAbsent(at, x -> new ArrayList<>()).add(label);
                }
            });
            List<String> parts = new ArrayList<>();
            byMoment.forEach((at, ls) -> parts.add(String.join(", ", ls) + String.format(Locale.ROOT, " seen at %.0f s", at)));
            why.add(new Reason(named.isEmpty() ? "objects in the clip" : "other objects in the clip", String.join("; ", parts)
                    + " (" + detector + ")"));
        }
        why.add(new Reason(NOT_EXPLAINED, "boxes, counts, tracks, recognised text: the shared store keeps none of "
                + (file.copy() == LocalCopy.INDEXED_HERE ? "them (search without the team archive for this workstation's own)"
                : "workstation " + file.workstation() + "'s")));
        List<ObjectSighting> objects = framesWith.keySet().stream().map(l -> new ObjectSighting(l, 1, Float.NaN)).toList();
        int hitFrames = run.stream().mapToInt(SegmentHit::frames).sum();
        Optional<java.time.ZoneId> recorded = frames.stream().flatMap(f -> f.zone().stream()).findFirst();
        return new ArchiveClip(file, start, end, best.offsetSeconds(), best.score(), hitFrames, wall, Optional.empty(), placed,
                why, objects, wall.map(at -> cameraClock(at, file.camera(), recorded)));
    }

    /**
     * The clip's start on its camera's clock, in the zone the time-of-day filter reads the camera in: this workstation's
     * zone for the camera, else the one the indexing workstation recorded, else the workstation zone.
     */
    private WallClock cameraClock(Instant at, String camera, Optional<java.time.ZoneId> recorded) {
        if (ownZones == null) {
            ownZones = service.zones();
            workstationZone = service.workstationZone();
        }
        java.time.ZoneId own = ownZones.byCamera().get(camera);
        if (own != null) {
            return new WallClock(at, own, ZoneSource.CAMERA, null);
        }
        return recorded.map(z -> new WallClock(at, z, ZoneSource.INDEXING_WORKSTATION, null))
                .orElseGet(() -> new WallClock(at, workstationZone.zone(), workstationZone.source(), null));
    }

    private static float[] scores(List<ArchiveHit> hits) {
        float[] s = new float[hits.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = hits.get(i).score();
        }
        return s;
    }
}
