package org.sightline.indexer.export;

import java.util.List;
import org.sightline.indexer.signing.SignatureCheck;

/**
 * What {@link ExportVerifier} found in a package.
 *
 * @param manifestProblem why the manifest itself cannot be trusted or read (null when it is fine)
 * @param files           one check per file listed in the manifest, then one per file the manifest does not list
 * @param auditProblems   audit entries in the manifest whose hash does not match their content
 * @param signature       the examiner's signature of the manifest: who, which key, and whether it holds
 */
public record PackageVerification(String manifestProblem, List<FileCheck> files, List<String> auditProblems,
                                  int auditEntries, SignatureCheck signature) {

    public enum Status { OK, CHANGED, MISSING, EXTRA }

    /** @param path relative to the package, '/' separated */
    public record FileCheck(String path, Status status, String expectedSha256, String actualSha256, String detail) {
    }

    public boolean ok() {
        return manifestProblem == null && auditProblems.isEmpty() && signature.valid()
                && files.stream().allMatch(f -> f.status() == Status.OK);
    }

    public List<FileCheck> problems() {
        return files.stream().filter(f -> f.status() != Status.OK).toList();
    }
}
