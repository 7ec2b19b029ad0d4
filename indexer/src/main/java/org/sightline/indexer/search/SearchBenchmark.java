package org.sightline.indexer.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.SegmentDraft;
import org.sightline.indexer.index.IndexCommitProtocol;
import org.sightline.indexer.index.IndexStore;
import org.sightline.indexer.index.IndexedFrame;
import org.sightline.indexer.index.SegmentIndex;
import org.sightline.indexer.index.solr.SolrIndexStore;
import org.sightline.indexer.index.solr.SolrLocation;
import org.sightline.indexer.index.Vectors;
import org.sightline.models.pack.ModelId;
import org.sightline.models.runtime.PromptNotUnderstoodException;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.VisionLanguageModel;

/**
 * Search latency on a synthetic archive: {@code frames} clustered unit vectors (random vectors give misleadingly
 * low recall) in 10-minute videos of 4-second segments, written through the real catalog and index into a
 * temporary folder. Each query runs the whole {@link SearchService} path: query vector, kNN with the model filter,
 * grouping into clips with catalog look-ups. When a real model is given its text encoding is timed too.
 */
public final class SearchBenchmark {
    public static final int DIMENSION = 512;
    private static final int FRAMES_PER_VIDEO = 600;
    private static final int FRAMES_PER_SEGMENT = 4;

    /**
     * @param buildSeconds       time to write and merge the synthetic index
     * @param knnP50Millis       the filtered kNN query alone (k = {@link SearchService#MIN_FRAMES}), median
     * @param searchP50Millis    kNN + grouping, median
     * @param textEncodeP50Millis median text-encoder time of the real model, NaN when none was given
     * @param heapUsedBytes      heap in use after the searches (after a GC)
     */
    public record Result(int frames, int queries, double buildSeconds, double knnP50Millis, double knnP95Millis,
            double searchP50Millis, double searchP95Millis,
            double textEncodeP50Millis, double textEncodeP95Millis, long heapUsedBytes, long indexBytes) {
        public String describe() {
            String text = Double.isNaN(textEncodeP50Millis) ? "" : String.format(Locale.ROOT,
                    "; text encode p50 %.1f ms p95 %.1f ms; total p50 ~%.1f ms", textEncodeP50Millis, textEncodeP95Millis,
                    textEncodeP50Millis + searchP50Millis);
            return String.format(Locale.ROOT, "%,d frames: search (kNN + grouping) p50 %.2f ms p95 %.2f ms (kNN alone p50 %.2f ms "
                    + "p95 %.2f ms) over %d queries%s; index built in %.1f s, %.0f MB on disk; heap used %.0f MB", frames,
                    searchP50Millis, searchP95Millis, knnP50Millis, knnP95Millis, queries, text,
                    buildSeconds, indexBytes / 1e6, heapUsedBytes / 1e6);
        }
    }

    private SearchBenchmark() {
    }

    /**
     * @param workDir   an empty temporary folder (the caller deletes it)
     * @param textModel a real model whose text encoder is timed, or null
     */
    public static Result run(int frames, int queries, Path workDir, VisionLanguageModel textModel) throws IOException {
        return run(frames, queries, workDir, textModel, null);
    }

    /**
     * @param solr a SolrCloud collection to build the synthetic archive in (as a workstation of its own, whose
     *             documents stay there), or null for the embedded Lucene index
     */
    public static Result run(int frames, int queries, Path workDir, VisionLanguageModel textModel, SolrLocation solr) throws IOException {
        Random random = new Random(42);
        int clusters = Math.max(16, frames / 200);
        float[][] centres = new float[clusters][];
        for (int c = 0; c < clusters; c++) {
            centres[c] = randomUnit(random);
        }
        SyntheticModel model = new SyntheticModel(centres, new Random(7));
        long t0 = System.nanoTime();
        try (Catalog catalog = Catalog.open(workDir.resolve("catalog.sqlite")); IndexStore index = solr == null
                ? SegmentIndex.open(workDir.resolve("index"))
                : SolrIndexStore.open(solr, "bench-" + java.util.UUID.randomUUID(), workDir.resolve("solr.lock"))) {
            IndexCommitProtocol writer = new IndexCommitProtocol(catalog, index, workDir.resolve("thumbs"));
            String modelId = model.id().asString();
            for (int video = 0, written = 0; written < frames; video++) {
                int n = Math.min(FRAMES_PER_VIDEO, frames - written);
                long videoId = catalog.registerVideo(workDir.resolve("video-" + video + ".mp4"), "sha-" + video, 1, 1,
                        "camera-" + (video % 8), null);
                List<SegmentDraft> drafts = new ArrayList<>();
                List<List<IndexedFrame>> perSegment = new ArrayList<>();
                for (int f = 0; f < n; f += FRAMES_PER_SEGMENT) {
                    List<IndexedFrame> fs = new ArrayList<>();
                    // consecutive frames of a segment stay near one cluster, as footage does
                    float[] centre = centres[random.nextInt(clusters)];
                    for (int i = f; i < Math.min(n, f + FRAMES_PER_SEGMENT); i++) {
                        fs.add(new IndexedFrame(0, i, near(centre, 0.35f, random)));
                    }
                    drafts.add(new SegmentDraft(f, f + FRAMES_PER_SEGMENT, f, null, fs.size(), 0));
                    perSegment.add(fs);
                }
                writer.write(new IndexCommitProtocol.VideoWrite(videoId, modelId, "sha-" + video, "camera-" + (video % 8),
                        Optional.empty(), null, drafts, perSegment, Optional.empty(), 0));
                written += n;
            }
            if (index instanceof SegmentIndex lucene) {
                lucene.forceMerge();
            }
            double buildSeconds = (System.nanoTime() - t0) / 1e9;
            SearchService search = new SearchService(catalog, index, model, workDir.resolve("thumbs"));
            for (int i = 0; i < Math.min(20, queries); i++) {
                search.search(SearchQuery.prompt("warm-up").withLimit(20));
            }
            double[] searchMs = new double[queries];
            for (int i = 0; i < queries; i++) {
                long s = System.nanoTime();
                search.search(SearchQuery.prompt("q" + i).withLimit(20));
                searchMs[i] = (System.nanoTime() - s) / 1e6;
            }
            double[] knnMs = new double[queries];
            org.sightline.indexer.index.FrameFilter filter = org.sightline.indexer.index.FrameFilter.model(modelId);
            for (int i = 0; i < queries; i++) {
                float[] q = model.embedText("k" + i);
                long s = System.nanoTime();
                index.search(q, SearchService.MIN_FRAMES, filter);
                knnMs[i] = (System.nanoTime() - s) / 1e6;
            }
            double[] textMs = null;
            if (textModel != null) {
                String[] prompts = {"a red car", "a person at the gate", "white van", "a cyclist on the road", "green truck"};
                for (String p : prompts) {
                    encodeQuietly(textModel, p);
                }
                textMs = new double[Math.min(queries, 50)];
                for (int i = 0; i < textMs.length; i++) {
                    long s = System.nanoTime();
                    encodeQuietly(textModel, prompts[i % prompts.length] + " " + i);
                    textMs[i] = (System.nanoTime() - s) / 1e6;
                }
            }
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long heap = rt.totalMemory() - rt.freeMemory();
            return new Result(frames, queries, buildSeconds, percentile(knnMs, 50), percentile(knnMs, 95),
                    percentile(searchMs, 50), percentile(searchMs, 95),
                    textMs == null ? Double.NaN : percentile(textMs, 50), textMs == null ? Double.NaN : percentile(textMs, 95), heap,
                    index.sizeBytes());
        }
    }

    private static void encodeQuietly(VisionLanguageModel m, String prompt) {
        try {
            m.embedText(prompt);
        } catch (PromptNotUnderstoodException e) {
            // the demo model knows colours only; the time still counts
        }
    }

    static double percentile(double[] values, int p) {
        double[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    private static float[] randomUnit(Random r) {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Vectors.normalise(v);
    }

    private static float[] near(float[] centre, float spread, Random r) {
        float[] v = new float[DIMENSION];
        float s = spread / (float) Math.sqrt(DIMENSION);
        for (int i = 0; i < v.length; i++) {
            v[i] = centre[i] + s * (float) r.nextGaussian();
        }
        return Vectors.normalise(v);
    }

    /** Query vectors near a random cluster, standing in for a text encoder. */
    private static final class SyntheticModel implements VisionLanguageModel {
        private final float[][] centres;
        private final Random random;

        SyntheticModel(float[][] centres, Random random) {
            this.centres = centres;
            this.random = random;
        }

        @Override
        public ModelId id() {
            return new ModelId("synthetic-bench", "1", "000000000000");
        }

        @Override
        public int dimension() {
            return DIMENSION;
        }

        @Override
        public int preferredShortSide() {
            return 224;
        }

        @Override
        public float[][] embedImages(List<RgbFrame> frames) {
            throw new UnsupportedOperationException("the search benchmark embeds no images");
        }

        @Override
        public synchronized float[] embedText(String prompt) {
            return near(centres[random.nextInt(centres.length)], 0.5f, random);
        }

        @Override
        public void close() {
        }
    }
}
