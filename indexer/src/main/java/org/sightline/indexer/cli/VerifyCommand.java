package org.sightline.indexer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sightline.indexer.export.ExportVerifier;
import org.sightline.indexer.export.PackageVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sightline verify DIR}: re-hash an evidence package against its manifest. Needs nothing but the package. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify an exported evidence package against its manifest; exit 1 on any problem.")
public class VerifyCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Parameters(paramLabel = "DIR", description = "The package folder.")
    Path dir;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        PackageVerification v;
        try {
            v = new ExportVerifier().verify(dir);
        } catch (IOException e) {
            System.err.println("sightline verify: " + e.getMessage());
            return 1;
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ok", v.ok());
            m.put("manifestProblem", v.manifestProblem());
            m.put("files", v.files());
            m.put("auditEntries", v.auditEntries());
            m.put("auditProblems", v.auditProblems());
            System.out.println(CaseJson.toJson(m));
        } else {
            System.out.println((v.manifestProblem() == null ? "OK       " : "CHANGED  ") + "manifest.json"
                    + (v.manifestProblem() == null ? "" : "  " + v.manifestProblem()));
            for (PackageVerification.FileCheck f : v.files()) {
                System.out.printf("%-8s %s%s%n", f.status(), f.path(), f.detail() == null ? "" : "  (" + f.detail() + ")");
            }
            System.out.println(v.auditProblems().isEmpty()
                    ? "OK       " + v.auditEntries() + " audit entries match their hashes"
                    : "CHANGED  audit entries: " + String.join("; ", v.auditProblems()));
            long problems = v.problems().size() + v.auditProblems().size() + (v.manifestProblem() == null ? 0 : 1);
            System.out.println(v.ok() ? "package verified: " + v.files().size() + " files OK"
                    : "package NOT verified: " + problems + " problem(s)");
        }
        return v.ok() ? 0 : 1;
    }
}
