package org.sightline.indexer.footage;

import java.nio.file.Path;
import org.sightline.models.testing.SharedData;

/**
 * Prints decode throughput of {@link FrameSampler} (every frame decoded and scaled to short side 224 in FFmpeg,
 * RGB copied out, scene-cut measure on each; 1 frame/s handed to a sink that drops it). Not a test: run by hand,
 * see the footage section of the report for the command.
 */
public final class DecodeThroughput {
    private DecodeThroughput() {
    }

    public static void main(String[] args) throws Exception {
        String[] names = args.length > 0 ? args : new String[] {"parking-aisle-cars.mp4", "road-traffic-60fps.avi"};
        for (String name : names) {
            Path video = SharedData.footage(name);
            for (int threads : new int[] {0, 1}) {
                FrameSampler sampler = new FrameSampler(threads);
                sampler.sample(video, SamplingOptions.DEFAULT, f -> { }, () -> false); // warm-up
                for (int run = 1; run <= 3; run++) {
                    long start = System.nanoTime();
                    SamplingReport report = sampler.sample(video, SamplingOptions.DEFAULT, f -> { }, () -> false);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("%-28s decoder threads %-4s run %d: %5d frames in %.2f s = %6.0f frames/s, %5.1fx realtime%n",
                            name, threads == 0 ? "auto" : Integer.toString(threads), run, report.framesDecoded(), seconds,
                            report.framesDecoded() / seconds, report.lastGoodOffsetSeconds() / seconds);
                }
            }
        }
    }
}
