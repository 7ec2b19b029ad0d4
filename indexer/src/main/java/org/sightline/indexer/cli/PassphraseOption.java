package org.sightline.indexer.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a command gets the examiner key's passphrase: {@code --passphrase-file FILE}, else asked on the terminal. */
class PassphraseOption {
    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the examiner key's passphrase from the first line of FILE (else it is asked for on the terminal when needed).")
    Path file;

    /** The passphrase from the file, or typed at the terminal (twice when {@code confirm}); null when neither is possible. */
    char[] read(String prompt, boolean confirm) throws IOException {
        if (file != null) {
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            if (first.isEmpty()) {
                throw new IOException("the passphrase file " + file + " is empty");
            }
            return first.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            return null;
        }
        char[] first = console.readPassword("%s: ", prompt);
        if (confirm) {
            char[] again = console.readPassword("again: ");
            if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
                throw new IOException("the two passphrases differ");
            }
        }
        return first;
    }
}
