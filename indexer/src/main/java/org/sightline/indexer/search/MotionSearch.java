package org.sightline.indexer.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.catalog.VideoStatus;
import org.sightline.indexer.footage.FootageException;
import org.sightline.indexer.footage.RegionMotion;
import org.sightline.indexer.footage.PathText;

/**
 * Motion in regions of the picture across the indexed videos, model-free: each video that passes the filters is
 * decoded on demand, read-only ({@link RegionMotion}), and each span of change becomes a clip (without a thumbnail
 * or segments: it need not line up with the indexed segments). A clip's score is the
 * largest fraction of the region that changed; tiers: {@link Tier#STRONG} when that is at least three times what the
 * sensitivity needs, {@link Tier#POSSIBLE} at least one and a half times, else {@link Tier#MORE}. Videos that cannot
 * be read, or that the time filter cannot place, are reported, not skipped silently. Thread safe.
 */
public final class MotionSearch {
    static final double STRONG_TIMES_THRESHOLD = 3.0;
    static final double POSSIBLE_TIMES_THRESHOLD = 1.5;
    public static final String ANSWERED_BY = "motion in the picture (model-free)";

    private final Catalog catalog;
    private final RegionMotion motion = new RegionMotion();

    public MotionSearch(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param cancelled polled while decoding; null for never
     * @throws InterruptedException cancelled
     */
    public ExplainedResult find(MotionQuery q, BooleanSupplier cancelled) throws InterruptedException {
        long t0 = System.nanoTime();
        RegionMotion.Settings settings = RegionMotion.Settings.sensitivity(q.sensitivity());
        List<UnansweredPart> unread = new ArrayList<>();
        List<ExplainedClip> clips = new ArrayList<>();
        java.util.Set<String> cameras = new org.sightline.indexer.catalog.CameraCatalog(catalog.database()).keysFor(q.cameras());
        int spansSeen = 0;
        for (VideoRecord v : catalog.videos()) {
            if (v.status() != VideoStatus.DONE && v.status() != VideoStatus.PARTIAL) {
                continue;
            }
            if (!cameras.isEmpty() && !cameras.contains(v.camera())) {
                continue;
            }
            if ((q.from() != null || q.to() != null) && v.recordingStart().isEmpty()) {
                unread.add(new UnansweredPart(PathText.shown(v.path()), List.of(), "left out: its recording time is unknown, so "
                        + "the time filter cannot place it"));
                continue;
            }
            List<RegionMotion.Span> spans;
            try {
                spans = motion.scan(v.path(), q.regions(), settings, cancelled);
            } catch (FootageException e) {
                unread.add(new UnansweredPart(PathText.shown(v.path()), List.of(), "could not be read for motion: " + e.getMessage()));
                continue;
            }
            spansSeen += spans.size();
            for (RegionMotion.Span s : spans) {
                Optional<Instant> wall = v.recordingStart().map(r -> r.plusMillis(Math.round(s.startSeconds() * 1000)));
                if (wall.isPresent() && ((q.from() != null && wall.get().isBefore(q.from())) || (q.to() != null && !wall.get().isBefore(q.to())))) {
                    continue;
                }
                clips.add(clip(v, s, wall, settings));
            }
        }
        Map<Tier, Integer> counts = new EnumMap<>(Tier.class);
        List<ExplainedClip> ordered = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            List<ExplainedClip> inTier = clips.stream().filter(c -> c.tier() == tier)
                    .sorted(Comparator.comparingDouble((ExplainedClip c) -> c.clip().score()).reversed()
                            .thenComparing(c -> c.clip().video().toString()).thenComparingDouble(c -> c.clip().startSeconds()))
                    .toList();
            counts.put(tier, inTier.size());
            ordered.addAll(inTier);
        }
        List<ExplainedClip> page = ordered.subList(Math.min(ordered.size(), q.offset()), Math.min(ordered.size(), q.offset() + q.limit()));
        String rule = String.format(Locale.ROOT, "strong: %.0f%% or more of a region changed, possible: %.0f%% or more, more: "
                + "%.0f%% or more (a cell changes by more than %.0f grey levels; sensitivity %.2f)",
                100 * STRONG_TIMES_THRESHOLD * settings.minChangedFraction(), 100 * POSSIBLE_TIMES_THRESHOLD * settings.minChangedFraction(),
                100 * settings.minChangedFraction(), settings.cellLevels(), q.sensitivity());
        return new ExplainedResult(null, page, counts, q.offset(), List.of(), unread, ANSWERED_BY, spansSeen, rule,
                (System.nanoTime() - t0) / 1_000_000);
    }

    private ExplainedClip clip(VideoRecord v, RegionMotion.Span s, Optional<Instant> wall, RegionMotion.Settings settings) {
        double ratio = s.peakFraction() / settings.minChangedFraction();
        Tier tier = ratio >= STRONG_TIMES_THRESHOLD ? Tier.STRONG : ratio >= POSSIBLE_TIMES_THRESHOLD ? Tier.POSSIBLE : Tier.MORE;
        Clip clip = new Clip(v.id(), v.path(), v.sha256(), v.camera(), s.startSeconds(), s.endSeconds(), s.peakSeconds(),
                (float) s.peakFraction(), (float) Math.min(1, s.peakFraction()), wall, null, List.of());
        return ExplainedClip.of(clip, tier, List.of(new Reason("change in region " + s.region(), s.describe())));
    }
}
