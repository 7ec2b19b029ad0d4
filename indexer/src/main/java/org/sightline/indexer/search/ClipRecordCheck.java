package org.sightline.indexer.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sightline.indexer.catalog.SegmentRecord;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.index.FrameHit;
import org.sightline.indexer.index.IndexStore;
import org.sightline.models.integrity.Sha256;
import org.sightline.indexer.footage.PathText;

/**
 * Checks a clip's catalog records before a search presents it: the video's SHA-256 must be the one its vectors were
 * indexed with, each segment must lie inside the video and hold the frames the index found in it, and the file must
 * be at its path with the size indexed. Rows edited behind the tool's back (a span stretched, a path or hash changed)
 * are withheld with the reason instead of being presented as valid clips.
 */
final class ClipRecordCheck {
    private static final double TOLERANCE_SECONDS = 0.5;

    private final IndexStore index;
    private final String modelId;

    ClipRecordCheck(IndexStore index, String modelId) {
        this.index = index;
        this.modelId = modelId;
    }

    /** What is wrong with the clip's records, or empty when they hold together. */
    Optional<String> problem(Clip clip, VideoRecord video, Map<Long, SegmentRecord> segments, List<FrameHit> hits)
            throws IOException {
        List<String> problems = new ArrayList<>();
        if (video.sha256() == null || !Sha256.isValid(video.sha256())
                || !index.indexedWithHash(video.id(), modelId, video.sha256())) {
            problems.add("the catalog gives it SHA-256 " + video.sha256() + ", not the hash its frames were indexed with "
                    + "(the catalog was edited)");
        }
        double duration = video.durationSeconds();
        for (long id : clip.segmentIds()) {
            SegmentRecord s = segments.get(id);
            if (s == null) {
                continue;
            }
            if (!(s.startSeconds() >= 0) || !(s.endSeconds() > s.startSeconds())) {
                problems.add(String.format(Locale.ROOT, "segment %d spans %.3f-%.3f s, which is not a span", id,
                        s.startSeconds(), s.endSeconds()));
            } else if (duration > 0 && s.endSeconds() > duration + TOLERANCE_SECONDS) {
                problems.add(String.format(Locale.ROOT, "segment %d spans %.3f-%.3f s but the video is %.3f s long", id,
                        s.startSeconds(), s.endSeconds(), duration));
            }
            for (FrameHit h : hits) {
                if (h.segmentId() == id && (h.offsetSeconds() < s.startSeconds() - TOLERANCE_SECONDS
                        || h.offsetSeconds() > s.endSeconds() + TOLERANCE_SECONDS)) {
                    problems.add(String.format(Locale.ROOT, "segment %d spans %.3f-%.3f s but its frame found by the "
                            + "search is at %.3f s (the catalog was edited)", id, s.startSeconds(), s.endSeconds(),
                            h.offsetSeconds()));
                    break;
                }
            }
        }
        Path path = video.path();
        if (!Files.isRegularFile(path)) {
            problems.add(PathText.shown(path) + " is not there (moved or deleted, or the catalog's path edited); index its folder again "
                    + "to find it");
        } else if (video.sizeBytes() > 0 && Files.size(path) != video.sizeBytes()) {
            problems.add(path + " is " + Files.size(path) + " bytes, not the " + video.sizeBytes() + " bytes indexed: "
                    + "another file is at its path, or the catalog's path was edited");
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }
}
