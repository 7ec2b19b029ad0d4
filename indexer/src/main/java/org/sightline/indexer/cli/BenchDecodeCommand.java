package org.sightline.indexer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sightline.indexer.bench.DecodeThroughput;
import org.sightline.indexer.footage.FootageScanner;
import org.sightline.indexer.footage.SamplingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sightline bench decode FOOTAGE}: decode-only throughput against the FFmpeg command line. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode every frame of the footage, scaled to the model's input size and sampled at the ingest rate,",
                "without embedding; the FFmpeg command line doing the same decode is timed as the reference."})
public class BenchDecodeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "1..*", description = "footage files or folders")
    List<Path> paths;

    @Option(names = "--fps", description = "sampling rate (default: ${DEFAULT-VALUE})", defaultValue = "1")
    double fps;

    @Option(names = "--short-side", description = "decoded short side in pixels (default: ${DEFAULT-VALUE})", defaultValue = "224")
    int shortSide;

    @Option(names = "--decoder-threads", description = "FFmpeg decoder threads, 0 = FFmpeg's choice (default: ${DEFAULT-VALUE})",
            defaultValue = "1")
    int decoderThreads;

    @Override
    public Integer call() throws Exception {
        List<Path> files = new FootageScanner().scan(paths, true).videos();
        DecodeThroughput throughput = new DecodeThroughput(new SamplingOptions(fps, shortSide, true), decoderThreads);
        var rates = throughput.measure(files);
        throughput.cliReferenceProblem().ifPresent(System.err::println);
        System.out.print(DecodeThroughput.describe(rates));
        return 0;
    }
}
