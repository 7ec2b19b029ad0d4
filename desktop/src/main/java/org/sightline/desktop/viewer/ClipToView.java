package org.sightline.desktop.viewer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.sightline.indexer.search.Clip;

/**
 * What the viewer should show: a video, the span that matched, and the hit frame it opens at.
 *
 * @param sha256          the file's SHA-256 when the catalog knows it; null to compute it
 * @param wallClockAtZero wall-clock time of offset 0 when the recording start is known
 * @param origin          the search that found the clip; null when the file was opened by hand
 * @param clock           the camera's name, zone and time source for showing the wall clock; null when not known
 *                        (the workstation's zone is used)
 */
public record ClipToView(Path video, String sha256, double hitStartSeconds, double hitEndSeconds,
        double bestOffsetSeconds, Optional<Instant> wallClockAtZero, String camera, SearchOrigin origin, CameraClock clock) {

    /** Seconds played after the hit before playback pauses by itself. */
    public static final double LEAD_OUT_SECONDS = 1.0;

    /** A clip with no camera clock known. */
    public ClipToView(Path video, String sha256, double hitStartSeconds, double hitEndSeconds,
            double bestOffsetSeconds, Optional<Instant> wallClockAtZero, String camera, SearchOrigin origin) {
        this(video, sha256, hitStartSeconds, hitEndSeconds, bestOffsetSeconds, wallClockAtZero, camera, origin, null);
    }

    /** This clip, its wall clock shown on its camera's clock. */
    public ClipToView withClock(CameraClock cameraClock) {
        return new ClipToView(video, sha256, hitStartSeconds, hitEndSeconds, bestOffsetSeconds, wallClockAtZero, camera,
                origin, cameraClock);
    }

    /** A clip not found by a search. */
    public ClipToView(Path video, String sha256, double hitStartSeconds, double hitEndSeconds,
            double bestOffsetSeconds, Optional<Instant> wallClockAtZero, String camera) {
        this(video, sha256, hitStartSeconds, hitEndSeconds, bestOffsetSeconds, wallClockAtZero, camera, null);
    }

    public static ClipToView of(Clip clip) {
        return of(clip, null);
    }

    /** A search hit, with the search that found it. */
    public static ClipToView of(Clip clip, SearchOrigin origin) {
        Optional<Instant> zero = clip.wallClockStart()
                .map(w -> w.minusNanos(Math.round(clip.startSeconds() * 1e9)));
        return new ClipToView(clip.video(), clip.sha256(), clip.startSeconds(), clip.endSeconds(),
                clip.bestOffsetSeconds(), zero, clip.camera(), origin);
    }

    /** A whole file with no hit marked. */
    public static ClipToView wholeFile(Path video) {
        return new ClipToView(video, null, 0, 0, 0, Optional.empty(), null, null);
    }

    /** Where the viewer opens: the hit frame (the best frame of the hit, kept inside the hit's span). */
    public double openAtSeconds() {
        if (!hasHit()) {
            return Math.max(0, bestOffsetSeconds);
        }
        return Math.clamp(bestOffsetSeconds, hitStartSeconds, hitEndSeconds);
    }

    /** Where playback of the clip pauses by itself: a little after the hit. */
    public double stopAtSeconds() {
        return hitEndSeconds + LEAD_OUT_SECONDS;
    }

    public boolean hasHit() {
        return hitEndSeconds > hitStartSeconds;
    }
}
