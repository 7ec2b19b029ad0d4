package org.sightline.indexer.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search scores are the exact cosine of the stored vectors, not the estimate from the 8-bit quantized copy, whose
 * quantization depends on the other vectors in the same Lucene segment: the same frames score the same whatever
 * else was indexed with them (issue 11, "also seen": re-embedding shifted scores by up to 0.005).
 */
class ExactScoresTest {
    static final String MODEL = "m@1#abc";
    static final int DIMS = 64;

    @TempDir
    Path tmp;

    /** Fixed pseudo-random unit vectors (a seed per video), as a model's would be. */
    static List<IndexedFrame> frames(long seed, int count) {
        SplittableRandom r = new SplittableRandom(seed);
        List<IndexedFrame> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] v = new float[DIMS];
            for (int d = 0; d < DIMS; d++) {
                v[d] = (float) r.nextGaussian();
            }
            out.add(new IndexedFrame(i / 4, i * 0.5, Vectors.normalise(v), null));
        }
        return out;
    }

    static VideoVectors video(long id, long seed, long generation) {
        return new VideoVectors(id, MODEL, "sha-" + id, generation, "cam", Optional.empty(), frames(seed, 200));
    }

    @Test
    void scoresAreExactCosinesWhateverElseSharesTheSegment() throws Exception {
        float[] query = frames(99, 1).getFirst().vector();
        Map<String, Float> alone;
        try (SegmentIndex idx = SegmentIndex.open(tmp.resolve("alone"))) {
            idx.replaceVideo(video(1, 1, 1));
            alone = scores(idx, query);
            Map<Double, float[]> vectors = new HashMap<>();
            frames(1, 200).forEach(f -> vectors.put(f.offsetSeconds(), f.vector()));
            for (FrameHit h : idx.search(query, 20, FrameFilter.model(MODEL))) {
                assertEquals(VectorUtil.dotProduct(query, vectors.get(h.offsetSeconds())), h.score(), 0f,
                        "the frame at " + h.offsetSeconds() + " s scores its exact cosine");
            }
        }
        try (SegmentIndex idx = SegmentIndex.open(tmp.resolve("mixed"))) {
            idx.replaceVideo(video(2, 2, 1));
            idx.replaceVideo(video(3, 3, 2));
            idx.replaceVideo(video(1, 1, 3));
            idx.replaceVideo(video(1, 1, 4)); // re-embedded
            idx.forceMerge();
            Map<String, Float> mixed = scores(idx, query);
            mixed.keySet().retainAll(alone.keySet());
            assertEquals(alone, mixed, "video 1's frames score the same next to other videos, merged and re-embedded");
        }
    }

    private static Map<String, Float> scores(SegmentIndex idx, float[] query) throws Exception {
        Map<String, Float> out = new HashMap<>();
        for (FrameHit h : idx.search(query, 600, FrameFilter.model(MODEL))) {
            if (h.videoId() == 1) {
                out.put(h.offsetSeconds() + " s", h.score());
            }
        }
        return out;
    }
}
