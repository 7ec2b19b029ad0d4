package org.sightline.indexer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import org.sightline.indexer.bench.SearchQuality;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sightline bench quality}: precision and recall of the searches a fresh install can answer, on labelled footage. */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = {"Index labelled fixtures (and two generated clips) with the demonstration colour model and the starter perception packs into temporary data directories and",
                "print precision (strong and possible tiers), recall and R@5 of labelled colour prompts, motion regions, scene text, directions, closeness and dwell."})
public class BenchQualityCommand implements Callable<Integer> {
    @Option(names = "--footage", paramLabel = "DIR", defaultValue = "../shared/footage",
            description = "the folder holding parking-aisle-cars.mp4, parking-lot-person-bicycle-car.mp4 and indoor-people-one-by-one.mp4 (default: ${DEFAULT-VALUE})")
    Path footage;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("sightline-bench-quality");
        try {
            for (SearchQuality.Row row : SearchQuality.run(footage, work)) {
                System.out.println(row.describe());
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }
}
