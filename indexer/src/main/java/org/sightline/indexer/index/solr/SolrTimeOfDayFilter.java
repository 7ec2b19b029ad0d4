package org.sightline.indexer.index.solr;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sightline.indexer.index.CameraZones;
import org.sightline.indexer.index.FrameFilter;

/**
 * A daily time-of-day window ("at night") as one Solr filter query, read on each frame's camera clock in its zone with
 * daylight saving, exactly as the embedded index's {@code TimeOfDayQuery} does, and run inside the kNN search.
 *
 * <p><b>Why it is exact.</b> Between two of a zone's transitions its UTC offset {@code o} is constant, so a frame's
 * local second of the day is {@code (utc second of the day + o) mod 86400}; a local window {@code [from, to)} is then
 * one or two plain ranges of the stored UTC second of the day ({@code time_of_day_s}). For each zone in use the query
 * holds, per period of constant offset over the frames' time span, the absolute-time range of the period with its UTC
 * ranges: integer ranges only, no floating-point function. The stored second is the UTC time truncated to the second,
 * and window bounds are whole seconds, so truncation never moves a frame across a bound.
 *
 * <p><b>Which zone a frame is read in.</b> A camera the searching workstation's camera table gives a zone is read in
 * it (a changed zone takes effect without re-indexing); a frame this workstation wrote of a camera without a zone is
 * read in the workstation zone; another workstation's frame in the zone recorded with it when written (its camera's
 * zone there); a frame with none recorded (written before zones were recorded) in the workstation zone.
 */
final class SolrTimeOfDayFilter {
    private static final int DAY = 86_400;

    /**
     * What the collection holds that the filter depends on.
     *
     * @param earliestMs    the earliest absolute time of the frames searched
     * @param latestMs      the latest
     * @param recordedZones the zone ids recorded with frames (by any workstation)
     */
    record Span(long earliestMs, long latestMs, Set<String> recordedZones) {
        Span {
            recordedZones = Set.copyOf(recordedZones);
        }
    }

    /** A stretch of absolute time ({@code null} bounds for open ends) over which a zone's offset stays {@code offsetSeconds}. */
    record Period(Long fromMs, Long toMs, int offsetSeconds) {
    }

    private SolrTimeOfDayFilter() {
    }

    /**
     * The filter query for {@code f}'s window (which must have one), searched by {@code workstation}, over a collection
     * whose timed frames span {@code span} (null when none has a time: nothing can match).
     */
    static String query(FrameFilter f, String workstation, Span span) {
        if (span == null) {
            return "(*:* -*:*)";
        }
        long lo = f.from() == null ? span.earliestMs() : Math.max(span.earliestMs(), f.from().toEpochMilli());
        long hi = f.to() == null ? span.latestMs() : Math.min(span.latestMs(), f.to().toEpochMilli());
        CameraZones zones = f.zones();
        Map<ZoneId, List<String>> selectors = new LinkedHashMap<>();
        Map<ZoneId, List<String>> byZone = new LinkedHashMap<>();
        new TreeSet<>(zones.byCamera().keySet()).forEach(c -> byZone.computeIfAbsent(zones.byCamera().get(c), z -> new ArrayList<>()).add(c));
        byZone.forEach((zone, cameras) -> selectors.computeIfAbsent(zone, z -> new ArrayList<>()).add(anyOf(SolrIndexStore.CAMERA, cameras)));
        String notNamed = zones.byCamera().isEmpty() ? "*:*"
                : "(*:* -" + anyOf(SolrIndexStore.CAMERA, new TreeSet<>(zones.byCamera().keySet())) + ")";
        List<String> fallback = new ArrayList<>(List.of(SolrIndexStore.term(SolrIndexStore.WORKSTATION, workstation),
                "(*:* -" + SolrIndexStore.ZONE + ":[* TO *])"));
        List<String> others = new ArrayList<>();
        for (String recorded : new TreeSet<>(span.recordedZones())) {
            ZoneId zone = zoneOrNull(recorded);
            String term = SolrIndexStore.term(SolrIndexStore.ZONE, recorded);
            if (zone == null) {
                fallback.add(term); // a zone this JDK does not know: read in the workstation zone
            } else {
                others.add(term);
                selectors.computeIfAbsent(zone, z -> new ArrayList<>()).add("(+" + notNamed + " -"
                        + SolrIndexStore.term(SolrIndexStore.WORKSTATION, workstation) + " +" + term + ")");
            }
        }
        selectors.computeIfAbsent(zones.fallback(), z -> new ArrayList<>())
                .add("(+" + notNamed + " +(" + String.join(" ", fallback) + "))");
        StringBuilder q = new StringBuilder();
        selectors.forEach((zone, which) -> {
            StringBuilder periods = new StringBuilder();
            for (Period p : periods(zone, lo, hi)) {
                List<int[]> ranges = utcRanges(f.dayFrom(), f.dayTo(), p.offsetSeconds());
                if (ranges.isEmpty()) {
                    continue;
                }
                StringBuilder tod = new StringBuilder();
                for (int[] r : ranges) {
                    tod.append(tod.isEmpty() ? "" : " ").append(SolrIndexStore.TIME_OF_DAY).append(":[").append(r[0])
                            .append(" TO ").append(r[1]).append('}');
                }
                String time = p.fromMs() == null && p.toMs() == null ? SolrIndexStore.TIME + ":[* TO *]"
                        : SolrIndexStore.TIME + ":[" + (p.fromMs() == null ? "*" : p.fromMs().toString()) + " TO "
                                + (p.toMs() == null ? "*" : p.toMs().toString()) + "}";
                periods.append(periods.isEmpty() ? "" : " ").append("(+").append(time).append(" +(").append(tod).append("))");
            }
            if (!periods.isEmpty()) {
                q.append(q.isEmpty() ? "" : " ").append("(+(").append(String.join(" ", which)).append(") +(").append(periods).append("))");
            }
        });
        return q.isEmpty() ? "(*:* -*:*)" : q.toString();
    }

    /**
     * The periods of constant UTC offset of {@code zone} that cover {@code [fromMs, toMs]}: the first open towards the
     * past, the last towards the future (one open period for a zone of fixed offset).
     */
    static List<Period> periods(ZoneId zone, long fromMs, long toMs) {
        ZoneRules rules = zone.getRules();
        Instant at = Instant.ofEpochMilli(fromMs);
        int offset = rules.getOffset(at).getTotalSeconds();
        if (rules.isFixedOffset()) {
            return List.of(new Period(null, null, offset));
        }
        List<Period> out = new ArrayList<>();
        Long start = null;
        while (true) {
            ZoneOffsetTransition next = rules.nextTransition(at);
            if (next == null || next.getInstant().toEpochMilli() > toMs) {
                out.add(new Period(start, null, offset));
                return out;
            }
            long t = next.getInstant().toEpochMilli();
            if (next.getOffsetAfter().getTotalSeconds() != offset) {
                out.add(new Period(start, t, offset));
                start = t;
                offset = next.getOffsetAfter().getTotalSeconds();
            }
            at = next.getInstant();
        }
    }

    /**
     * The ranges {@code [lo, hi)} of UTC second of the day whose local time at {@code offsetSeconds} falls in the window
     * {@code [from, to)} (wrapping past midnight when {@code to} is before {@code from}; empty when they are equal, as
     * {@link CameraZones#inWindow}).
     */
    static List<int[]> utcRanges(LocalTime from, LocalTime to, int offsetSeconds) {
        int a = from.toSecondOfDay();
        int b = to.toSecondOfDay();
        if (from.getNano() != 0) {
            a++; // a local time at or after 10:00:00.5 is one whose whole second is at or after 10:00:01
        }
        if (to.getNano() != 0) {
            b++; // before 10:00:00.5: a whole second of at most 10:00:00
        }
        List<int[]> local = new ArrayList<>();
        if (to.isBefore(from)) {
            local.add(new int[] {a, DAY});
            local.add(new int[] {0, b});
        } else if (a < b) {
            local.add(new int[] {a, b});
        }
        List<int[]> out = new ArrayList<>();
        for (int[] r : local) {
            int length = r[1] - r[0];
            if (length <= 0) {
                continue;
            }
            int start = Math.floorMod(r[0] - offsetSeconds, DAY);
            if (start + length <= DAY) {
                out.add(new int[] {start, start + length});
            } else {
                out.add(new int[] {start, DAY});
                out.add(new int[] {0, start + length - DAY});
            }
        }
        out.sort(java.util.Comparator.comparingInt(r -> r[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : out) {
            if (!merged.isEmpty() && merged.getLast()[1] >= r[0]) {
                merged.getLast()[1] = Math.max(merged.getLast()[1], r[1]);
            } else {
                merged.add(r);
            }
        }
        return merged;
    }

    private static String anyOf(String field, Iterable<String> values) {
        StringBuilder b = new StringBuilder("(");
        for (String v : values) {
            b.append(b.length() == 1 ? "" : " ").append(SolrIndexStore.term(field, v));
        }
        return b.append(')').toString();
    }

    private static ZoneId zoneOrNull(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
