package org.sightline.indexer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sightline bench}: speed figures for this machine. Each part is its own subcommand; the figures recorded in
 * docs/benchmarks.md come from these commands.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure model, decode, indexing and search speed on this machine, and search quality.",
                "Run a subcommand: model, decode, index, search, quality. Figures measured here are in docs/benchmarks.md."},
        subcommands = {BenchModelCommand.class, BenchDecodeCommand.class, BenchIndexCommand.class, BenchSearchCommand.class,
                BenchQualityCommand.class})
public class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }
}
