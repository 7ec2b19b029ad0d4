package org.sightline.indexer.perception;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the perception packs found in one video, in a few words for a list of videos: how many examined frames
 * ("moments") showed each kind of object, the scene text read, the burned-in clock, and which packs ran.
 *
 * @param framesExamined  frames the packs looked at (0: perception did not run on this video)
 * @param momentsByLabel  for each object class, the examined frames it was seen in, most often seen first
 * @param tracksByLabel   for each object class, how many objects were followed across frames
 * @param texts           the distinct scene texts read, in the order first read
 * @param clockAtStart    the time the burned-in clock showed at the start of the video, when one was read
 * @param clockFormat     the format the clock was read in, when one was read
 * @param packs           the perception packs (name, version, manifest SHA-256), empty when none ran
 */
public record PerceptionSummary(int framesExamined, Map<String, Integer> momentsByLabel, Map<String, Integer> tracksByLabel,
        List<String> texts, Optional<LocalDateTime> clockAtStart, Optional<String> clockFormat, String packs) {
    /** Texts shown in the one-line summary before "and N more". */
    static final int TEXTS_IN_LINE = 3;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    public PerceptionSummary {
        momentsByLabel = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(momentsByLabel));
        tracksByLabel = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tracksByLabel));
        texts = List.copyOf(texts);
        Objects.requireNonNull(clockAtStart, "clockAtStart");
        Objects.requireNonNull(clockFormat, "clockFormat");
        Objects.requireNonNull(packs, "packs");
    }

    /** Perception did not run on the video. */
    public static final PerceptionSummary NONE = new PerceptionSummary(0, Map.of(), Map.of(), List.of(), Optional.empty(),
            Optional.empty(), "");

    /** Sums up the examined frames and tracks of a video's finished generation and the packs that made them. */
    public static PerceptionSummary of(List<FrameDetections> frames, List<ObjectTrack> tracks, String packs) {
        if (frames.isEmpty()) {
            return new PerceptionSummary(0, Map.of(), Map.of(), List.of(), Optional.empty(), Optional.empty(), packs == null ? "" : packs);
        }
        Map<String, Integer> moments = new TreeMap<>();
        Set<String> texts = new LinkedHashSet<>();
        ClockSighting firstClock = null;
        double firstClockAt = 0;
        for (FrameDetections f : frames) {
            f.labels().forEach(l -> moments.merge(l, 1, Integer::sum));
            f.texts().forEach(t -> texts.add(t.text().strip()));
            if (firstClock == null && f.clock() != null) {
                firstClock = f.clock();
                firstClockAt = f.offsetSeconds();
            }
        }
        texts.remove("");
        Map<String, Integer> byMoments = new java.util.LinkedHashMap<>();
        moments.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> byMoments.put(e.getKey(), e.getValue()));
        Map<String, Integer> trackCounts = new TreeMap<>();
        tracks.forEach(t -> trackCounts.merge(t.label(), 1, Integer::sum));
        Optional<LocalDateTime> clock = firstClock == null ? Optional.empty()
                : Optional.of(firstClock.time().minusNanos(Math.round(firstClockAt * 1e9)));
        return new PerceptionSummary(frames.size(), byMoments, trackCounts, new ArrayList<>(texts), clock,
                Optional.ofNullable(firstClock).map(ClockSighting::format), packs == null ? "" : packs);
    }

    /** True when the packs looked at the video (even if they found nothing). */
    public boolean ran() {
        return framesExamined > 0;
    }

    /**
     * One line: e.g. "people at 12 moments, cars 3; text: TAXI, KX19 ABC; clock read: 2018-04-19 23:46:00 at the start
     * (burned-in)". Empty when the packs did not run; "nothing found" when they found nothing.
     */
    public String line() {
        if (!ran()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (!momentsByLabel.isEmpty()) {
            List<String> objects = new ArrayList<>();
            momentsByLabel.forEach((label, n) -> objects.add(objects.isEmpty()
                    ? plural(label) + " at " + n + (n == 1 ? " moment" : " moments") : plural(label) + " " + n));
            parts.add(String.join(", ", objects));
        }
        // a single character read alone is more often a mark than a word: it stays in the details only
        List<String> words = texts.stream().filter(t -> t.codePointCount(0, t.length()) >= 2).toList();
        if (!words.isEmpty()) {
            String shown = String.join(", ", words.subList(0, Math.min(TEXTS_IN_LINE, words.size())));
            parts.add("text: " + shown + (words.size() > TEXTS_IN_LINE ? " and " + (words.size() - TEXTS_IN_LINE) + " more" : ""));
        }
        clockAtStart.ifPresent(c -> parts.add("clock read: " + CLOCK.format(c) + " at the start (burned-in)"));
        return parts.isEmpty() ? "nothing found in " + framesExamined + " examined frames" : String.join("; ", parts);
    }

    /** Several lines: everything of {@link #line()} in full, the tracks, and which packs ran. */
    public String details() {
        if (!ran()) {
            return packs.isEmpty() ? "No perception packs ran on this video." : "The perception packs examined no frame of this video.";
        }
        StringBuilder out = new StringBuilder();
        out.append("Examined frames: ").append(framesExamined).append('\n');
        if (momentsByLabel.isEmpty()) {
            out.append("Objects: none\n");
        } else {
            out.append("Objects (examined frames they were seen in): ");
            List<String> objects = new ArrayList<>();
            momentsByLabel.forEach((label, n) -> objects.add(label + " " + n));
            out.append(String.join(", ", objects)).append('\n');
        }
        if (!tracksByLabel.isEmpty()) {
            List<String> tracks = new ArrayList<>();
            tracksByLabel.forEach((label, n) -> tracks.add(label + " " + n));
            out.append("Followed across frames: ").append(String.join(", ", tracks)).append('\n');
        }
        out.append("Text read: ").append(texts.isEmpty() ? "none" : String.join(", ", texts)).append('\n');
        out.append("Burned-in clock: ").append(clockAtStart.map(c -> CLOCK.format(c) + " at the start (read as "
                + clockFormat.orElse("?") + ")").orElse("none read")).append('\n');
        out.append("Packs: ").append(packs.isEmpty() ? "unknown" : packs.replace("; ", "\n       "));
        return out.toString();
    }

    /** "person" → "people", "bus" → "buses", "car" → "cars". */
    static String plural(String label) {
        String irregular = IRREGULAR.get(label);
        if (irregular != null) {
            return irregular;
        }
        if (label.endsWith("s")) {
            return label; // skis, scissors
        }
        if (label.endsWith("x") || label.endsWith("ch") || label.endsWith("sh")) {
            return label + "es";
        }
        return label + "s";
    }

    private static final Map<String, String> IRREGULAR = Map.of("person", "people", "bus", "buses", "mouse", "mice",
            "knife", "knives", "sheep", "sheep");
}
