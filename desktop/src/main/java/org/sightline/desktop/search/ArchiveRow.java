package org.sightline.desktop.search;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sightline.desktop.viewer.Timecodes;
import org.sightline.indexer.search.ArchiveSearchResult.ArchiveClip;
import org.sightline.indexer.search.ArchiveSearchResult.ArchiveFile;

/**
 * One clip of a team archive search as the page shows it: its still (from the archive, so any workstation's), its
 * tier, the file and the workstation that indexed it, camera, time span, when it was recorded, why it matched, and
 * where this workstation can open it, in words.
 */
public record ArchiveRow(ArchiveClip clip) {
    private static final java.time.format.DateTimeFormatter UTC = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    /** The clip's file and where it opens. */
    public ArchiveFile file() {
        return clip.file();
    }

    /** The JPEG still the archive keeps nearest the clip's best frame (the card decodes it); empty when it keeps none. */
    public Optional<byte[]> thumbnailJpeg() {
        return clip.thumbnail().map(t -> t.jpeg());
    }

    /** The file's name, or its SHA-256 when the indexing workstation did not record one. */
    public String title() {
        return clip.file().name();
    }

    /** "strong", "possible" or "more". */
    public String tier() {
        return clip.tier().label();
    }

    /** Whether the viewer can open the file here (indexed here, or found in a shared archive folder). */
    public boolean openableHere() {
        return clip.file().openableHere();
    }

    /** Where this workstation has the file, or who holds it, in plain words. */
    public String whereToOpen() {
        return clip.file().whereToOpen();
    }

    /** "Workstation ws-b · camera cam-2 · 00:00:12.0–00:00:16.0 · best at 00:00:13.0 · score 0.291". */
    public String facts() {
        ArchiveFile f = clip.file();
        return String.format(Locale.ROOT, "Workstation %s · camera %s · %s–%s · best at %s · score %.3f", f.workstation(),
                f.camera().isEmpty() ? "unknown" : f.camera(), Timecodes.offset(clip.startSeconds()),
                Timecodes.offset(clip.endSeconds()), Timecodes.offset(clip.bestOffsetSeconds()), clip.score());
    }

    /**
     * "Recorded 2026-11-02 09:00:04 Europe/London (UTC+01:00), 2026-11-02 08:00:04 UTC (its workstation's recording
     * start)", or that it is not known.
     */
    public String recorded() {
        return clip.clock().map(k -> "Recorded " + k.local() + " " + k.zoneLabel() + ", " + k.utc()
                        + " (its workstation's recording start)")
                .or(() -> clip.wallClockStart().map(t -> "Recorded " + UTC.format(t) + " (its workstation's recording start)"))
                .orElse("Recording time not known (its workstation knew no start time)");
    }

    /** One line per reason: "part: evidence". */
    public List<String> why() {
        return clip.why().stream().map(r -> r.part() + ": " + r.evidence()).toList();
    }

    /** The object labels the indexing workstation's detector saw during the clip. */
    public List<String> objects() {
        return clip.objects().stream().map(o -> o.label()).toList();
    }
}
