package org.sightline.indexer.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.sightline.indexer.catalog.SegmentDraft;
import org.sightline.indexer.index.IndexedFrame;
import org.sightline.indexer.index.Vectors;
import org.sightline.models.runtime.RgbFrame;

/**
 * Cuts one video's frames, in time order, into fixed windows (segments). Each segment keeps its frames' vectors
 * and a JPEG thumbnail of its representative frame: the frame closest to the segment's mean vector. A window in
 * which every frame was a near-duplicate of the last embedded one carries that frame's vector (at the window's first
 * frame offset), so a static scene stays findable over its whole span without embedding it again.
 */
final class SegmentBuilder {
    private final double segmentSeconds;
    private final double endSeconds;
    private final Path thumbnailsDir;
    private final String thumbnailFolder;
    private final Function<RgbFrame, byte[]> jpeg;

    private final List<SegmentDraft> drafts = new ArrayList<>();
    private final List<List<IndexedFrame>> framesPerSegment = new ArrayList<>();

    private long window = -1;
    private final List<IndexedFrame> frames = new ArrayList<>();
    private final List<RgbFrame> pictures = new ArrayList<>();
    private int embedded;
    private int skipped;
    private float[] lastVector;
    private RgbFrame lastPicture;
    private Set<String> lastLabels = Set.of();
    private double lastOffset;
    /** The last thumbnail encoded: a static stretch repeats one picture over many segments, encoded once. */
    private RgbFrame encodedPicture;
    private byte[] encodedJpeg;

    /**
     * @param endSeconds      length of the video (segments end no later), 0 when unknown
     * @param thumbnailFolder folder, relative to {@code thumbnailsDir}, for this video's thumbnails
     */
    SegmentBuilder(double segmentSeconds, double endSeconds, Path thumbnailsDir, String thumbnailFolder, Function<RgbFrame, byte[]> jpeg) {
        this.segmentSeconds = segmentSeconds;
        this.endSeconds = endSeconds;
        this.thumbnailsDir = thumbnailsDir;
        this.thumbnailFolder = thumbnailFolder;
        this.jpeg = jpeg;
    }

    void embedded(double offset, float[] vector, RgbFrame picture) throws IOException {
        embedded(offset, vector, picture, Set.of());
    }

    /** @param labels object labels seen at this moment (see {@link IndexedFrame#labels()}) */
    void embedded(double offset, float[] vector, RgbFrame picture, Set<String> labels) throws IOException {
        enter(offset);
        frames.add(new IndexedFrame(0, offset, vector, labels));
        pictures.add(picture);
        embedded++;
        lastVector = vector;
        lastPicture = picture;
        lastLabels = labels;
    }

    void skipped(double offset) throws IOException {
        enter(offset);
        skipped++;
        if (frames.isEmpty() && lastVector != null) {
            frames.add(new IndexedFrame(0, offset, lastVector, lastLabels));
            pictures.add(lastPicture);
        }
    }

    private void enter(double offset) throws IOException {
        long w = (long) Math.floor(offset / segmentSeconds + 1e-9);
        if (w != window) {
            flush();
            window = w;
        }
        lastOffset = offset;
    }

    private void flush() throws IOException {
        if (window < 0 || frames.isEmpty()) {
            frames.clear();
            pictures.clear();
            embedded = 0;
            skipped = 0;
            return;
        }
        float[] mean = Vectors.mean(frames.stream().map(IndexedFrame::vector).toList());
        int best = 0;
        float bestDot = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < frames.size(); i++) {
            float d = Vectors.dot(mean, frames.get(i).vector());
            if (d > bestDot) {
                bestDot = d;
                best = i;
            }
        }
        double start = window * segmentSeconds;
        double end = (window + 1) * segmentSeconds;
        if (endSeconds > 0) {
            end = Math.min(end, Math.max(endSeconds, lastOffset));
        }
        if (end <= start) {
            end = Math.max(lastOffset, start) + 0.001;
        }
        String thumbnail = thumbnailFolder + "/" + Math.round(start * 1000) + ".jpg";
        Path file = thumbnailsDir.resolve(thumbnail);
        Files.createDirectories(file.getParent());
        RgbFrame picture = pictures.get(best);
        if (picture != encodedPicture) {
            encodedJpeg = jpeg.apply(picture);
            encodedPicture = picture;
        }
        Files.write(file, encodedJpeg);
        drafts.add(new SegmentDraft(start, end, frames.get(best).offsetSeconds(), thumbnail, embedded, skipped));
        framesPerSegment.add(List.copyOf(frames));
        frames.clear();
        pictures.clear();
        embedded = 0;
        skipped = 0;
    }

    /** Closes the last segment. */
    void finish() throws IOException {
        flush();
        window = -1;
        lastPicture = null;
        encodedPicture = null;
        encodedJpeg = null;
    }

    List<SegmentDraft> drafts() {
        return drafts;
    }

    List<List<IndexedFrame>> framesPerSegment() {
        return framesPerSegment;
    }

    int segmentCount() {
        return drafts.size();
    }
}
