package org.sightline.indexer.cli;

import java.util.concurrent.Callable;
import org.sightline.indexer.app.DataDirectorySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sightline config set|get KEY [VALUE]}: a data directory's settings. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Show or change a data directory's settings.",
        subcommands = {ConfigCommand.Set.class, ConfigCommand.Get.class})
public class ConfigCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = {
            "Change a setting. index.store: lucene (the embedded index, the default) or solr://ZKHOST:PORT[/CHROOT]/COLLECTION",
            "(a SolrCloud collection shared by several workstations; create it with `sightline solr init`)."})
    static class Set implements Callable<Integer> {
        @Mixin
        DataOption dataOption;

        @Parameters(index = "0", paramLabel = "KEY", description = "index.store")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Override
        public Integer call() throws Exception {
            if (!DataDirectorySettings.INDEX_STORE.equals(key)) {
                System.err.println("sightline: unknown setting " + key + " (known: " + DataDirectorySettings.INDEX_STORE + ")");
                return 2;
            }
            try {
                DataDirectorySettings.setIndexStore(dataOption.directory(), value);
            } catch (IllegalArgumentException e) {
                System.err.println("sightline: " + e.getMessage());
                return 2;
            }
            System.out.println(key + " = " + DataDirectorySettings.indexStore(dataOption.directory()));
            return 0;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show a setting (index.store).")
    static class Get implements Callable<Integer> {
        @Mixin
        DataOption dataOption;

        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Override
        public Integer call() throws Exception {
            if (!DataDirectorySettings.INDEX_STORE.equals(key)) {
                System.err.println("sightline: unknown setting " + key + " (known: " + DataDirectorySettings.INDEX_STORE + ")");
                return 2;
            }
            System.out.println(DataDirectorySettings.indexStore(dataOption.directory()));
            return 0;
        }
    }
}
