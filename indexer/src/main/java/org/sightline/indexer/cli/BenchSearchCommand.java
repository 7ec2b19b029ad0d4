package org.sightline.indexer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.sightline.indexer.bench.BenchModelChoice;
import org.sightline.indexer.search.SearchBenchmark;
import org.sightline.models.runtime.VisionLanguageModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sightline bench search}: prompt-to-results latency at several index sizes (synthetic clustered vectors). */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Build temporary indexes of synthetic clustered 512-d frame vectors and time searches:",
                "kNN + grouping, plus the benchmark model's text encoder, p50/p95; and heap used."})
public class BenchSearchCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Option(names = "--frames", split = ",", description = "index sizes (default: ${DEFAULT-VALUE})", defaultValue = "10000,100000")
    List<Integer> sizes;

    @Option(names = "--queries", description = "queries per size (default: ${DEFAULT-VALUE})", defaultValue = "200")
    int queries;

    @Option(names = "--model", description = "text encoder to time: vitb32, vitb32-int8 or demo (default: ${DEFAULT-VALUE})",
            defaultValue = "vitb32")
    String model;

    @Option(names = "--store", paramLabel = "solr://ZKHOST:PORT/COLLECTION",
            description = "build the synthetic archives in this SolrCloud collection instead of an embedded Lucene index"
                    + " (each run's documents stay there, under a workstation id of their own)")
    String store;

    @Override
    public Integer call() throws Exception {
        org.sightline.indexer.index.solr.SolrLocation solr = store == null ? null : org.sightline.indexer.index.solr.SolrLocation.parse(store);
        try (VisionLanguageModel text = BenchModelChoice.parse(model).open(dataOption.directory().root(), null, System.err)) {
            for (int frames : sizes) {
                Path work = Files.createTempDirectory("sightline-bench-search");
                try {
                    System.out.println(SearchBenchmark.run(frames, queries, work, text, solr).describe());
                } finally {
                    try (var files = Files.walk(work)) {
                        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
        }
        return 0;
    }
}
