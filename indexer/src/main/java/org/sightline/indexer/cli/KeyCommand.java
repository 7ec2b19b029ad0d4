package org.sightline.indexer.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sightline.indexer.app.CaseEvidence;
import org.sightline.indexer.signing.ExaminerIdentity;
import org.sightline.indexer.signing.ExaminerKeyStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sightline key create|show|export-public}: the examiner's signing key (audited). */
@Command(name = "key", mixinStandardHelpOptions = true,
        description = "The examiner's Ed25519 signing key that signs every evidence package: create, show, export-public.")
public class KeyCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    @FunctionalInterface
    interface KeyWork {
        int run(ExaminerKeyStore keys) throws Exception;
    }

    private int run(String verb, DataOption own, KeyWork work) {
        try (CaseEvidence w = CaseEvidence.open(DataOption.choose(own, dataOption))) {
            return work.run(w.keys());
        } catch (Exception e) {
            System.err.println("sightline key " + verb + ": " + e.getMessage());
            return 1;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Make the examiner's signing key in the data directory (owner-only file); refuses to replace one.")
    int create(@Mixin DataOption data,
               @Option(names = "--name", required = true, paramLabel = "NAME", description = "The examiner's name, as it will appear on signed packages.") String name,
               @Option(names = "--passphrase", description = "Protect the private key with a passphrase (asked twice on the terminal, or --passphrase-file).") boolean protect,
               @Mixin PassphraseOption passphrase) {
        return run("create", data, keys -> {
            char[] pass = null;
            if (protect || passphrase.file != null) {
                pass = passphrase.read("passphrase for the new key", true);
                if (pass == null) {
                    System.err.println("sightline key create: no terminal to ask for the passphrase; use --passphrase-file FILE");
                    return 1;
                }
            }
            ExaminerIdentity id = keys.create(name, pass, "key create");
            System.out.println("created the examiner key of " + id.name() + (id.passphraseProtected() ? " (passphrase-protected)" : ""));
            System.out.println("fingerprint " + id.fingerprint().hex());
            System.out.println("private key " + keys.privateKeyFile() + " (owner-only)");
            return 0;
        });
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the examiner key's name and fingerprint.")
    int show(@Mixin DataOption data, @Option(names = "--json", description = "Print JSON.") boolean json) {
        return run("show", data, keys -> {
            ExaminerIdentity id = keys.identity();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", id.name());
                m.put("fingerprint", id.fingerprint().hex());
                m.put("created", id.created().toString());
                m.put("passphraseProtected", id.passphraseProtected());
                m.put("publicKey", id.publicKeyPem());
                System.out.println(CaseJson.toJson(m));
            } else {
                System.out.println("examiner    " + id.name());
                System.out.println("fingerprint " + id.fingerprint().hex());
                System.out.println("created     " + id.created() + (id.passphraseProtected() ? ", passphrase-protected" : ""));
                System.out.print(id.publicKeyPem());
            }
            return 0;
        });
    }

    @Command(name = "export-public", mixinStandardHelpOptions = true,
            description = "Write the public key (PEM) for others to check your packages with; audited.")
    int exportPublic(@Mixin DataOption data,
                     @Option(names = "--out", required = true, paramLabel = "FILE", description = "The PEM file to write (must not exist).") Path out) {
        return run("export-public", data, keys -> {
            ExaminerIdentity id = keys.exportPublicKey(out);
            System.out.println("wrote the public key of " + id.name() + " to " + out);
            System.out.println("fingerprint " + id.fingerprint().hex());
            return 0;
        });
    }
}
