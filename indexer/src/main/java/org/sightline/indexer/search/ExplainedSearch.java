package org.sightline.indexer.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sightline.indexer.catalog.CameraCatalog;
import org.sightline.indexer.catalog.SegmentRecord;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.footage.FootageException;
import org.sightline.indexer.footage.RegionMotion;
import org.sightline.indexer.index.CameraZones;
import org.sightline.indexer.index.FrameFilter;
import org.sightline.indexer.index.FrameHit;
import org.sightline.indexer.search.query.ParsedPrompt;
import org.sightline.indexer.search.query.PromptParser;
import org.sightline.indexer.search.query.QueryPart;
import org.sightline.models.runtime.PromptNotUnderstoodException;
import org.sightline.models.runtime.VisionLanguageModel;

/**
 * A prompt search that says what it understood and why each clip is there. The prompt is read into parts
 * ({@link PromptParser}); the words describing how things look go to the active model, times of day become a
 * time-of-day filter, and objects, counts, colours of objects, scene text, motion and closeness of two objects are
 * answered together from what perception stored at indexing ({@link StructuredEvidence}). Parts this data directory
 * cannot answer (nothing indexed with perception, a relation not measured) are reported as unanswered, never silently
 * dropped. Words nothing used are listed as ignored.
 *
 * <p>Instead of a flat cut-off, every clip gets a {@link Tier}: a frame's score is placed in the spread of this
 * query's hits ({@link StandOut}), and compared with how far the best hits of a few fixed unrelated prompts stand out
 * in the same footage under the same filters (encoded once per model). Every hit the search looked at is in some
 * clip of some tier and can be paged to. Searches are announced to the service's listeners (the audit trail).
 * Thread safe.
 */
public final class ExplainedSearch {
    /** Unrelated prompts whose best hits show how far "nothing in particular" stands out in this footage. */
    static final List<String> BACKGROUND_PROMPTS = List.of("a photo", "a picture of something", "an object", "a scene",
            "a place", "something", "black", "white", "grey", "red", "orange", "yellow", "green", "blue", "purple",
            "pink", "brown");
    /** Tiers when no background prompt is understood by the model: deviations above the median hit. */
    static final double FALLBACK_STRONG = 3.5;
    static final double FALLBACK_POSSIBLE = 2.0;
    static final double LEAST_STRONG = 2.5;
    static final double LEAST_POSSIBLE = 1.5;

    private static final Map<String, List<float[]>> BACKGROUND_BY_MODEL = new ConcurrentHashMap<>();
    /** Whether a model reads a word, by model id and word; cleared when it grows past {@link #MAX_KNOWN_WORDS}. */
    private static final Map<String, Boolean> KNOWN_WORDS = new ConcurrentHashMap<>();
    private static final int MAX_KNOWN_WORDS = 20_000;

    private final SearchService service;
    private final PromptParser parser = new PromptParser();
    private final RegionMotion motion = new RegionMotion();

    public ExplainedSearch(SearchService service) {
        this.service = service;
    }

    /** How the tiers of one search were drawn. */
    record Thresholds(double strong, double possible, int backgroundPrompts) {
        String describe() {
            return backgroundPrompts == 0
                    ? String.format(Locale.ROOT, "strong: %.1f or more deviations above this search's median frame, "
                            + "possible: %.1f or more (fixed: the model understood none of the background prompts)", strong, possible)
                    : String.format(Locale.ROOT, "strong: %.1f or more deviations above this search's median frame (how far "
                            + "the best hit of a typical unrelated prompt stands out, from %d prompts), possible: %.1f or more",
                            strong, backgroundPrompts, possible);
        }

        Tier tierOf(double z) {
            return z >= strong ? Tier.STRONG : z >= possible ? Tier.POSSIBLE : Tier.MORE;
        }
    }

    /**
     * @throws PromptNotUnderstoodException nothing in the prompt can be answered here; the message names what can be asked
     */
    public ExplainedResult search(ExplainedQuery request) throws IOException {
        long t0 = System.nanoTime();
        SearchQuery base = withCameraKeys(request.query());
        ParsedPrompt parsed = parser.parse(base.prompt());
        VisionLanguageModel model = service.model();
        String modelText = parsed.visualText();
        float[] vector = modelVector(model, modelText);
        List<String> ignored = new ArrayList<>();
        for (String w : parsed.unknown()) {
            if (vector == null || !understands(model, w)) {
                ignored.add(w);
            }
        }
        List<Reason> common = new ArrayList<>();
        List<UnansweredPart> unanswered = new ArrayList<>();
        StructuredEvidence structured = new StructuredEvidence(service.catalog(), request.regions());
        boolean detectionsIndexed = structured.available();
        SearchQuery effective = base;
        for (QueryPart part : parsed.parts()) {
            switch (part) {
                case QueryPart.TimeOfDayPart t when base.dayFrom() == null -> {
                    effective = effective.withTimeOfDay(t.from(), t.to());
                    common.add(new Reason(t.describe(), "recorded inside this daily window on the camera's clock ("
                            + zoneWords(service.zones(), service.workstationZone()) + "; from the recording's start time)"));
                }
                case QueryPart.TimeOfDayPart t -> unanswered.add(new UnansweredPart(t.describe(), t.words(),
                        "the --time-of-day window given replaces it"));
                case QueryPart.ColourPart c when vector != null && understands(model, c.words().getLast()) ->
                        common.add(new Reason(c.describe(), "by the model's similarity for the whole picture"));
                case QueryPart.ColourPart c -> unanswered.add(new UnansweredPart(c.describe(), c.words(),
                        "the model " + service.modelId() + " does not know the word"));
                case QueryPart.ObjectPart o when detectionsIndexed -> {
                    // answered from the detections (StructuredEvidence.plan)
                }
                case QueryPart.ObjectPart o -> {
                    unanswered.add(new UnansweredPart(o.describe(), o.words(), notYet("detections")));
                    for (QueryPart.Colour colour : o.colours()) {
                        if (vector != null && !o.negated() && understands(model, colour.name())) {
                            common.add(new Reason("colour " + colour.describe(), "by the model's similarity for the whole "
                                    + "picture, not yet tied to the " + o.noun() + " (no detections indexed)"));
                        }
                    }
                }
                case QueryPart.SceneTextPart s when detectionsIndexed -> {
                    // answered from the scene text read at indexing
                }
                case QueryPart.SceneTextPart s -> unanswered.add(new UnansweredPart(s.describe(), s.words(), notYet("scene text")));
                case QueryPart.RelationPart r when detectionsIndexed -> {
                    // answered from the detections when measured (StructuredEvidence.plan says which are not)
                }
                case QueryPart.RelationPart r -> unanswered.add(new UnansweredPart(r.describe(), r.words(), notYet("tracks")));
                case QueryPart.MotionPart m when detectionsIndexed -> {
                    // answered from the tracks
                }
                case QueryPart.MotionPart m -> unanswered.add(new UnansweredPart(m.describe(), m.words(), notYet("tracks")
                        + "; for change in a place of the picture use --motion with --region"));
            }
        }
        StructuredEvidence.Plan plan = detectionsIndexed ? StructuredEvidence.plan(parsed.parts(), unanswered)
                : new StructuredEvidence.Plan(List.of(), List.of(), List.of(), List.of());
        boolean byObjects = plan.positive();
        if (vector == null && !byObjects) {
            throw new PromptNotUnderstoodException(cannotAnswer(base.prompt(), unanswered, ignored));
        }
        if (vector == null) {
            return byDetections(request, parsed, structured, plan, common, ignored, unanswered, t0);
        }
        List<EvidenceSpan> spans = byObjects ? structured.spans(plan) : List.of();

        int k = Math.max(SearchService.MIN_FRAMES, (request.offset() + base.limit()) * 8);
        FrameFilter filter = new FrameFilter(service.modelId(), effective.cameras(), effective.from(), effective.to(),
                effective.dayFrom(), effective.dayTo(), Set.of(), service.zones());
        List<FrameHit> hits = new ArrayList<>();
        for (FrameHit h : service.index().search(vector, k, filter)) {
            if (h.score() >= base.minScore()) {
                hits.add(h);
            }
        }
        StandOut standOut = StandOut.of(scores(hits));
        Thresholds thresholds = thresholds(model, vector, k, filter);

        Map<Long, SegmentRecord> segments = service.catalog().segments(hits.stream().map(FrameHit::segmentId).toList());
        Set<Long> videoIds = new HashSet<>();
        segments.values().forEach(s -> videoIds.add(s.videoId()));
        Map<Long, VideoRecord> videos = videoIds.isEmpty() ? Map.of() : service.catalog().videos(videoIds);
        Map<Long, Float> bestOfSegment = new HashMap<>();
        hits.forEach(h -> bestOfSegment.merge(h.segmentId(), h.score(), Math::max));
        Map<Tier, List<FrameHit>> hitsByTier = new EnumMap<>(Tier.class);
        for (FrameHit h : hits) {
            Tier tier = thresholds.tierOf(standOut.of(bestOfSegment.get(h.segmentId())));
            hitsByTier.computeIfAbsent(tier, t -> new ArrayList<>()).add(h);
        }
        String modelEvidence = "\"" + modelText + "\" (model " + service.modelId() + ")";
        Map<Tier, List<ExplainedClip>> byTier = new EnumMap<>(Tier.class);
        Map<Long, List<RegionMotion.Span>> motionByVideo = new HashMap<>();
        List<WithheldClip> withheld = new ArrayList<>();
        ClipRecordCheck check = new ClipRecordCheck(service.index(), service.modelId());
        for (Tier tier : Tier.values()) {
            for (Clip c : service.grouper().group(hitsByTier.getOrDefault(tier, List.of()), segments, videos)) {
                Optional<String> problem = check.problem(c, videos.get(c.videoId()), segments, hits);
                if (problem.isPresent()) {
                    // catalog rows edited behind Sightline's back are not presented as valid clips (issue 11, item 7)
                    withheld.add(new WithheldClip(c.video(), c.startSeconds(), c.endSeconds(), problem.get()));
                    continue;
                }
                List<Reason> why = new ArrayList<>();
                why.add(new Reason("looks like " + modelEvidence, String.format(Locale.ROOT,
                        "similarity %.3f at %.1f s, %.1f deviations above this search's median frame", c.score(),
                        c.bestOffsetSeconds(), standOut.of(c.score()))));
                why.addAll(common);
                Tier placed = tier;
                if (!plan.objects().isEmpty() || byObjects) {
                    placed = withEvidence(c, placed, why, structured, plan, spans);
                }
                if (!request.regions().isEmpty() && !byObjects) {
                    Optional<Reason> moved = motionIn(c, videos.get(c.videoId()), request, motionByVideo);
                    if (moved.isPresent()) {
                        why.add(moved.get());
                    } else {
                        why.add(new Reason("region " + regions(request), "no change there during the clip: placed in the "
                                + "'more' tier"));
                        placed = Tier.MORE;
                    }
                }
                Optional<EvidenceSpan> seen = spans.stream()
                        .filter(sp -> sp.videoId() == c.videoId() && sp.overlaps(c.startSeconds(), c.endSeconds())).findFirst();
                byTier.computeIfAbsent(placed, t -> new ArrayList<>()).add(new ExplainedClip(c, placed, why,
                        seen.map(sp -> List.copyOf(sp.mostSeen().values())).orElse(List.of()),
                        seen.map(EvidenceSpan::texts).orElse(List.of())));
            }
        }
        if (byObjects) {
            // what the detector saw that the model's hits did not reach: clips of their own
            List<EvidenceSpan> unseen = spans.stream().filter(sp -> byTier.values().stream().flatMap(List::stream)
                    .noneMatch(e -> e.clip().videoId() == sp.videoId() && sp.overlaps(e.clip().startSeconds(), e.clip().endSeconds()))).toList();
            for (ExplainedClip e : objectClips(unseen, effective, common)) {
                byTier.computeIfAbsent(e.tier(), t -> new ArrayList<>()).add(e);
            }
        }
        List<ExplainedClip> all = new ArrayList<>();
        Map<Tier, Integer> counts = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            List<ExplainedClip> clips = new ArrayList<>(byTier.getOrDefault(tier, List.of()));
            clips.sort(Comparator.comparingDouble((ExplainedClip e) -> e.clip().score()).reversed()
                    .thenComparing(e -> e.clip().video().toString()).thenComparingDouble(e -> e.clip().startSeconds()));
            counts.put(tier, clips.size());
            all.addAll(clips);
        }
        List<ExplainedClip> page = new ArrayList<>(all.subList(Math.min(all.size(), request.offset()),
                Math.min(all.size(), request.offset() + base.limit())));
        if (base.sort() == SearchQuery.SortOrder.TIME) {
            page.sort(Comparator.<ExplainedClip, Boolean>comparing(e -> e.clip().wallClockStart().isEmpty())
                    .thenComparing(e -> e.clip().wallClockStart().orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(e -> e.clip().video().toString())
                    .thenComparingDouble(e -> e.clip().startSeconds()));
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        service.announce(new SearchResult(base, page.stream().map(ExplainedClip::clip).toList(), service.modelId(), hits.size(), millis));
        return new ExplainedResult(base.prompt(), page, counts, request.offset(), ignored, unanswered, service.modelId(),
                hits.size(), thresholds.describe(), millis, withheld);
    }

    /**
     * A model clip checked against the stored perception: evidence when what was asked was seen during it. When only
     * objects were asked and the detector did not see them, the model's rank stands (said, not acted on); when text,
     * motion or a relation was asked and not found, the clip goes to the "more" tier.
     */
    private Tier withEvidence(Clip c, Tier tier, List<Reason> why, StructuredEvidence structured, StructuredEvidence.Plan plan,
                              List<EvidenceSpan> spans) {
        if (plan.positive()) {
            Optional<EvidenceSpan> seen = spans.stream()
                    .filter(sp -> sp.videoId() == c.videoId() && sp.overlaps(c.startSeconds(), c.endSeconds()))
                    .min(Comparator.comparing(EvidenceSpan::tier).thenComparingDouble(sp -> -sp.score()));
            if (seen.isEmpty()) {
                if (!plan.objectsOnly()) {
                    why.add(new Reason(plan.describePositive(), "not found in the stored perception during the clip "
                            + "(scene text, tracks, detections): placed in the 'more' tier"));
                    return Tier.MORE;
                }
                // the detector looks at one frame every few seconds and misses small or top-down objects, so its silence
                // does not outweigh the model: said, not acted on
                why.add(new Reason(plan.describePositive(), "not seen by the object detector during the clip (it examines a frame "
                        + "every few seconds and can miss small or top-down objects); ranked by the model alone"));
                return tier;
            }
            why.addAll(seen.get().why());
            if (seen.get().tier() == Tier.MORE) {
                return Tier.MORE;
            }
            return tier == Tier.MORE ? Tier.POSSIBLE : tier;
        }
        for (QueryPart.ObjectPart negated : plan.objects()) {
            Optional<String> seen = structured.objects().seenDuring(negated, c.videoId(), c.startSeconds(), c.endSeconds());
            if (seen.isPresent()) {
                why.add(new Reason(negated.describe(), "but the detector saw " + seen.get() + ": placed in the 'more' tier"));
                return Tier.MORE;
            }
            why.add(new Reason(negated.describe(), "the detector saw none during the clip"));
        }
        return tier;
    }

    /** The query with cameras given by name replaced by their keys. */
    private SearchQuery withCameraKeys(SearchQuery q) {
        return q.withCameras(new CameraCatalog(service.catalog().database()).keysFor(q.cameras()));
    }

    /** {@code camera gate in Europe/London, other cameras in UTC (workstation zone, from the operating system)}. */
    static String zoneWords(CameraZones zones, org.sightline.indexer.footage.WorkstationZone workstation) {
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<>(zones.byCamera()).forEach((camera, zone) -> b.append("camera ").append(camera)
                .append(" in ").append(zone.getId()).append(", "));
        String fallback = zones.fallback().equals(java.time.ZoneOffset.UTC) ? "UTC" : zones.fallback().getId();
        return b + (zones.byCamera().isEmpty() ? "every camera" : "other cameras") + " in " + fallback
                + (zones.fallback().equals(workstation.zone()) ? " (no zone set: " + workstation.source().qualifier() + ")"
                : " (no zone set)");
    }

    /** A search answered by the detections alone (the model understood none of the words). */
    private ExplainedResult byDetections(ExplainedQuery request, ParsedPrompt parsed, StructuredEvidence structured,
                                         StructuredEvidence.Plan plan, List<Reason> common, List<String> ignored,
                                         List<UnansweredPart> unanswered, long t0) {
        SearchQuery base = withCameraKeys(request.query());
        SearchQuery effective = base;
        for (QueryPart part : parsed.parts()) {
            if (part instanceof QueryPart.TimeOfDayPart t && base.dayFrom() == null) {
                effective = effective.withTimeOfDay(t.from(), t.to());
            }
        }
        List<ExplainedClip> clips = new ArrayList<>(objectClips(structured.spans(plan), effective, common));
        Map<Tier, Integer> counts = new EnumMap<>(Tier.class);
        List<ExplainedClip> all = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            List<ExplainedClip> of = clips.stream().filter(e -> e.tier() == tier)
                    .sorted(Comparator.comparingDouble((ExplainedClip e) -> e.clip().score()).reversed()
                            .thenComparing(e -> e.clip().video().toString()).thenComparingDouble(e -> e.clip().startSeconds()))
                    .toList();
            counts.put(tier, of.size());
            all.addAll(of);
        }
        List<ExplainedClip> page = new ArrayList<>(all.subList(Math.min(all.size(), request.offset()),
                Math.min(all.size(), request.offset() + base.limit())));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        service.announce(new SearchResult(base, page.stream().map(ExplainedClip::clip).toList(), service.modelId(), 0, millis));
        return new ExplainedResult(base.prompt(), page, counts, request.offset(), ignored, unanswered, service.modelId(),
                0, PERCEPTION_TIERS + " (no model similarity: the model understood none of the words)", millis);
    }

    /** How clips answered by perception alone are tiered. */
    static final String PERCEPTION_TIERS = String.format(Locale.ROOT, "by the perception evidence, strong when: objects at the "
            + "detector's confidence 0.50 or more; text read with quality × confidence %.2f or more; a track of 3 or more "
            + "examined frames; two objects close in %d or more examined frames at %.2f or more; possible below",
            SceneTextEvidence.STRONG, 2, RelationEvidence.STRONG_SCORE);

    /** Clips for perception spans, on the active model's segments, within the query's cameras and times. */
    private List<ExplainedClip> objectClips(List<EvidenceSpan> spans, SearchQuery q, List<Reason> common) {
        List<ExplainedClip> out = new ArrayList<>();
        for (EvidenceSpan sp : spans) {
            Optional<VideoRecord> video = service.catalog().video(sp.videoId());
            if (video.isEmpty() || !within(video.get(), sp.bestOffset(), q, service.zones())) {
                continue;
            }
            Map<Long, SegmentRecord> segments = new HashMap<>();
            List<FrameHit> hits = new ArrayList<>();
            for (SegmentRecord s : service.catalog().segmentsOf(sp.videoId(), service.modelId())) {
                if (s.startSeconds() <= sp.toSeconds() && sp.fromSeconds() <= s.endSeconds()) {
                    segments.put(s.id(), s);
                    double offset = Math.min(Math.max(sp.bestOffset(), s.startSeconds()), s.endSeconds());
                    hits.add(new FrameHit(sp.videoId(), s.id(), offset, sp.score()));
                }
            }
            for (Clip c : service.grouper().group(hits, segments, Map.of(sp.videoId(), video.get()))) {
                List<Reason> why = new ArrayList<>(sp.why());
                why.addAll(common);
                out.add(new ExplainedClip(c, sp.tier(), why, List.copyOf(sp.mostSeen().values()), sp.texts()));
            }
        }
        return out;
    }

    /** Whether a moment of a video passes the query's camera and time filters. */
    private static boolean within(VideoRecord v, double offset, SearchQuery q, CameraZones zones) {
        if (!q.cameras().isEmpty() && !q.cameras().contains(v.camera())) {
            return false;
        }
        Optional<java.time.Instant> at = v.recordingStart().map(s -> s.plusMillis(Math.round(offset * 1000)));
        if ((q.from() != null || q.to() != null || q.dayFrom() != null) && at.isEmpty()) {
            return false;
        }
        if (q.from() != null && at.get().isBefore(q.from()) || q.to() != null && !at.get().isBefore(q.to())) {
            return false;
        }
        if (q.dayFrom() != null) {
            return CameraZones.inWindow(at.get(), zones.zoneOf(v.camera()), q.dayFrom(), q.dayTo());
        }
        return true;
    }

    static float[] modelVector(VisionLanguageModel model, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return model.embedText(text);
        } catch (PromptNotUnderstoodException e) {
            return null;
        }
    }

    private static String notYet(String what) {
        return "not yet answerable on this data directory (no " + what + " indexed)";
    }

    private String cannotAnswer(String prompt, List<UnansweredPart> unanswered, List<String> ignored) {
        StringBuilder s = new StringBuilder("nothing in \"" + prompt + "\" can be answered on this data directory: the model "
                + service.modelId() + " recognises none of its words");
        for (UnansweredPart u : unanswered) {
            s.append("; ").append(u.describe());
        }
        if (!ignored.isEmpty()) {
            s.append("; words not understood: ").append(String.join(", ", ignored));
        }
        s.append(". What can be asked here: what the model recognises (the demonstration colour model knows colours, e.g. "
                + "\"a red car\" or \"white\"; a CLIP pack understands descriptions such as \"a person on a bicycle\"), a "
                + "time of day together with it (\"a white car at night\"), motion in a place of the picture "
                + "(--motion --region x,y,w,h, no model needed), and, on footage indexed with the perception packs, objects "
                + "(\"two people\"), text in quotes ('\"KX19 ABC\"'), how objects move (\"a person left to right\", \"a parked car\") "
                + "and two objects close together (\"a person near a car\").");
        return s.toString();
    }

    static boolean understands(VisionLanguageModel model, String word) {
        if (KNOWN_WORDS.size() > MAX_KNOWN_WORDS) {
            KNOWN_WORDS.clear();
        }
        return KNOWN_WORDS.computeIfAbsent(model.id().asString() + "\u0000" + word, key -> {
            try {
                model.embedText(word);
                return true;
            } catch (PromptNotUnderstoodException e) {
                return false;
            }
        });
    }

    private Thresholds thresholds(VisionLanguageModel model, float[] query, int k, FrameFilter filter) throws IOException {
        return thresholds(model, query, v -> scores(service.index().search(v, k, filter)));
    }

    /** The scores of one query's hits in the footage searched (this workstation's, or a team archive's). */
    @FunctionalInterface
    interface HitScores {
        float[] of(float[] vector) throws IOException;
    }

    /**
     * The tier thresholds of a query: how far the best hits of the background prompts stand out among their own hits
     * in the same footage under the same filters ({@code hitScores}).
     */
    static Thresholds thresholds(VisionLanguageModel model, float[] query, HitScores hitScores) throws IOException {
        List<float[]> background = BACKGROUND_BY_MODEL.computeIfAbsent(model.id().asString(), id -> {
            List<float[]> vectors = new ArrayList<>();
            for (String p : BACKGROUND_PROMPTS) {
                try {
                    vectors.add(model.embedText(p));
                } catch (PromptNotUnderstoodException e) {
                    // a prompt this model cannot read is no background for it
                }
            }
            return List.copyOf(vectors);
        });
        List<Double> tops = new ArrayList<>();
        for (float[] v : background) {
            if (dot(v, query) > 0.99) {
                continue;
            }
            float[] s = hitScores.of(v);
            if (s.length < 3) {
                continue;
            }
            float best = Float.NEGATIVE_INFINITY;
            for (float x : s) {
                best = Math.max(best, x);
            }
            tops.add(StandOut.of(s).of(best));
        }
        if (tops.isEmpty()) {
            return new Thresholds(FALLBACK_STRONG, FALLBACK_POSSIBLE, 0);
        }
        tops.sort(null);
        double strong = Math.max(LEAST_STRONG, tops.get(tops.size() / 2));
        return new Thresholds(strong, Math.max(LEAST_POSSIBLE, strong / 2), tops.size());
    }

    private Optional<Reason> motionIn(Clip c, VideoRecord video, ExplainedQuery request, Map<Long, List<RegionMotion.Span>> cache) {
        List<RegionMotion.Span> spans = cache.get(c.videoId());
        if (spans == null) {
            try {
                spans = motion.scan(video.path(), request.regions(), RegionMotion.Settings.sensitivity(request.sensitivity()), null);
            } catch (FootageException e) {
                return Optional.of(new Reason("region " + regions(request), "could not check for motion: " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(new Reason("region " + regions(request), "motion check interrupted"));
            }
            cache.put(c.videoId(), spans);
        }
        return spans.stream()
                .filter(s -> s.endSeconds() >= c.startSeconds() - 1 && s.startSeconds() <= c.endSeconds() + 1)
                .max(Comparator.comparingDouble(RegionMotion.Span::peakFraction))
                .map(s -> new Reason("change in region " + s.region(), s.describe()));
    }

    private static String regions(ExplainedQuery request) {
        return String.join(" ", request.regions().stream().map(Object::toString).toList());
    }

    private static float[] scores(List<FrameHit> hits) {
        float[] s = new float[hits.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = hits.get(i).score();
        }
        return s;
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
