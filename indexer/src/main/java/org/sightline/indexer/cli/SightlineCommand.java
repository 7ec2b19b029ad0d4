package org.sightline.indexer.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.sightline.models.OfflineMode;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code sightline} command line. Each verb is its own class. */
@Command(name = "sightline",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Search archived video footage by written prompt, offline.",
        subcommands = {
                ModelsCommand.class,
                IndexCommand.class,
                SearchCommand.class,
                StatusCommand.class,
                CaseCommand.class,
                CameraCommand.class,
                AuditCommand.class,
                VerifyCommand.class,
                KeyCommand.class,
                BenchCommand.class,
                ConfigCommand.class,
                SolrCommand.class,
                CommandLine.HelpCommand.class
        })
public class SightlineCommand implements Runnable {

    /** Held so the level setting is not lost when the logger would otherwise be collected. */
    private static final Logger LUCENE_VECTOR_LOG =
            Logger.getLogger("org.apache.lucene.internal.vectorization");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        OfflineMode.enforce();
        // Lucene announces its SIMD setup on every start; useful in a benchmark, noise on a command line.
        LUCENE_VECTOR_LOG.setLevel(Level.WARNING);
        return new CommandLine(new SightlineCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new PlainErrors());
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
