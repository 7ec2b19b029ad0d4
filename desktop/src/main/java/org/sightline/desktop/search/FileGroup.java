package org.sightline.desktop.search;

import java.nio.file.Path;
import java.util.List;
import org.sightline.indexer.search.Clip;

/**
 * The hits of one file, for the "group by file" view: a timeline strip of the whole file with every hit marked.
 *
 * @param durationSeconds the file's length (from the catalog; else the end of its last hit)
 * @param clips           the file's shown clips, earliest first
 */
public record FileGroup(Path video, String camera, double durationSeconds, List<Clip> clips) {
    public FileGroup {
        clips = List.copyOf(clips);
    }

    /** Where a moment of the file falls on its strip, 0..1. */
    public double fractionAt(double seconds) {
        return durationSeconds > 0 ? Math.clamp(seconds / durationSeconds, 0.0, 1.0) : 0;
    }
}
