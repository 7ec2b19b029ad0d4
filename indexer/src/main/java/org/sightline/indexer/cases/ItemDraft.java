package org.sightline.indexer.cases;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.sightline.indexer.search.Clip;

/**
 * What to add to a case. Give either an explicit span ({@code inSeconds}/{@code outSeconds}) or leave them
 * null to take the hit span with {@link CaseService#DEFAULT_PADDING_SECONDS} either side, clamped to the file.
 *
 * @param videoSha256 the SHA-256 recorded at indexing; null to hash the file now
 * @param hitSeconds  the hit frame; null for the middle of the hit span
 */
public record ItemDraft(Path video, String videoSha256, String camera, double hitStartSeconds,
                        double hitEndSeconds, Double hitSeconds, Double inSeconds, Double outSeconds,
                        String note, List<String> tags, FoundBy foundBy, Path thumbnail) {

    public ItemDraft {
        Objects.requireNonNull(video, "video");
        tags = tags == null ? List.of() : List.copyOf(tags);
        foundBy = foundBy == null ? FoundBy.manual() : foundBy;
        note = note == null ? "" : note;
        if (hitEndSeconds < hitStartSeconds) {
            throw new IllegalArgumentException("the hit span ends (" + hitEndSeconds + " s) before it starts ("
                    + hitStartSeconds + " s)");
        }
    }

    /** A search hit: the clip's span and best frame, and the search that found it. */
    public static ItemDraft fromClip(Clip clip, FoundBy foundBy) {
        return new ItemDraft(clip.video(), clip.sha256(), clip.camera(), clip.startSeconds(), clip.endSeconds(),
                clip.bestOffsetSeconds(), null, null, "", List.of(), foundBy, clip.thumbnail());
    }

    /** An explicit span of a video, e.g. from the command line. */
    public static ItemDraft span(Path video, double inSeconds, double outSeconds) {
        return new ItemDraft(video, null, null, inSeconds, outSeconds, null, inSeconds, outSeconds, "", List.of(),
                FoundBy.manual(), null);
    }

    /** The hit span of a video with default padding. */
    public static ItemDraft hit(Path video, double hitStartSeconds, double hitEndSeconds) {
        return new ItemDraft(video, null, null, hitStartSeconds, hitEndSeconds, null, null, null, "", List.of(),
                FoundBy.manual(), null);
    }

    public ItemDraft withSha256(String sha256) {
        return new ItemDraft(video, sha256, camera, hitStartSeconds, hitEndSeconds, hitSeconds, inSeconds, outSeconds,
                note, tags, foundBy, thumbnail);
    }

    public ItemDraft withCamera(String c) {
        return new ItemDraft(video, videoSha256, c, hitStartSeconds, hitEndSeconds, hitSeconds, inSeconds, outSeconds,
                note, tags, foundBy, thumbnail);
    }

    public ItemDraft withHit(double seconds) {
        return new ItemDraft(video, videoSha256, camera, hitStartSeconds, hitEndSeconds, seconds, inSeconds, outSeconds,
                note, tags, foundBy, thumbnail);
    }

    public ItemDraft withNote(String n) {
        return new ItemDraft(video, videoSha256, camera, hitStartSeconds, hitEndSeconds, hitSeconds, inSeconds, outSeconds,
                n, tags, foundBy, thumbnail);
    }

    public ItemDraft withTags(List<String> t) {
        return new ItemDraft(video, videoSha256, camera, hitStartSeconds, hitEndSeconds, hitSeconds, inSeconds, outSeconds,
                note, t, foundBy, thumbnail);
    }

    public ItemDraft withFoundBy(FoundBy f) {
        return new ItemDraft(video, videoSha256, camera, hitStartSeconds, hitEndSeconds, hitSeconds, inSeconds, outSeconds,
                note, tags, f, thumbnail);
    }
}
