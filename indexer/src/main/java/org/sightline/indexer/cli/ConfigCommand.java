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
            "(a SolrCloud collection shared by several workstations; create it with `sightline solr init`).",
            "archive.shared-roots: folders (separated by ':') where this workstation sees other workstations' archive",
            "folders (a shared network folder), so that team-archive results it did not index can be opened here.",
            "solr.truststore, solr.truststore-password-file: for a SolrCloud served over HTTPS with its own certificate",
            "authority, a truststore holding it and a private file with its password (empty clears them).",
            "time.zone: the workstation zone, an IANA zone such as Europe/London, that cameras with no zone of their own",
            "are read in (empty: the operating system's zone). The change is audited.",
            "perception.look-closer, perception.follow-motion: on (the default) or off; while indexing, run the detector",
            "again on a crop around small moving things, and examine a frame every 2 s while something travels."})
    static class Set implements Callable<Integer> {
        @Mixin
        DataOption dataOption;

        @Parameters(index = "0", paramLabel = "KEY", description = "index.store, archive.shared-roots, solr.credentials-file, solr.truststore,"
                + " solr.truststore-password-file, time.zone, perception.look-closer or perception.follow-motion")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Override
        public Integer call() throws Exception {
            try {
                DataDirectorySettings.set(dataOption.directory(), key, value);
            } catch (IllegalArgumentException e) {
                System.err.println("sightline: " + e.getMessage());
                return 2;
            }
            System.out.println(key + " = " + DataDirectorySettings.get(dataOption.directory(), key));
            return 0;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show a setting (index.store, archive.shared-roots, solr.credentials-file, solr.truststore, solr.truststore-password-file, time.zone, perception.look-closer, perception.follow-motion).")
    static class Get implements Callable<Integer> {
        @Mixin
        DataOption dataOption;

        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Override
        public Integer call() throws Exception {
            try {
                System.out.println(DataDirectorySettings.get(dataOption.directory(), key));
            } catch (IllegalArgumentException e) {
                System.err.println("sightline: " + e.getMessage());
                return 2;
            }
            return 0;
        }
    }
}
