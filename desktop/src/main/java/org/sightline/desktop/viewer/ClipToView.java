package org.sightline.desktop.viewer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.sightline.indexer.search.Clip;

/**
 * What the viewer should show: a video, the span that matched, and where to start.
 *
 * @param sha256         the file's SHA-256 when the catalog knows it; null to compute it
 * @param wallClockAtZero wall-clock time of offset 0 when the recording start is known
 */
public record ClipToView(Path video, String sha256, double hitStartSeconds, double hitEndSeconds,
        double bestOffsetSeconds, Optional<Instant> wallClockAtZero, String camera) {

    /** Seconds of lead-in shown before the hit. */
    public static final double LEAD_IN_SECONDS = 1.0;

    public static ClipToView of(Clip clip) {
        Optional<Instant> zero = clip.wallClockStart()
                .map(w -> w.minusNanos(Math.round(clip.startSeconds() * 1e9)));
        return new ClipToView(clip.video(), clip.sha256(), clip.startSeconds(), clip.endSeconds(),
                clip.bestOffsetSeconds(), zero, clip.camera());
    }

    /** A whole file with no hit marked. */
    public static ClipToView wholeFile(Path video) {
        return new ClipToView(video, null, 0, 0, 0, Optional.empty(), null);
    }

    /** Where playback opens: a little before the hit. */
    public double openAtSeconds() {
        return Math.max(0, hitStartSeconds - LEAD_IN_SECONDS);
    }

    /** Where playback of the clip pauses by itself: a little after the hit. */
    public double stopAtSeconds() {
        return hitEndSeconds + LEAD_IN_SECONDS;
    }

    public boolean hasHit() {
        return hitEndSeconds > hitStartSeconds;
    }
}
