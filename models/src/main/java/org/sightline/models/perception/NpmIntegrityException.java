package org.sightline.models.perception;

/**
 * A fetched npm tarball does not have the integrity (sha512) pinned in the source: it is not the published
 * package, so nothing from it is used. The message names the package, the expected and the actual value.
 */
public class NpmIntegrityException extends RuntimeException {
    private final String packageSpec;
    private final String expected;
    private final String actual;

    public NpmIntegrityException(String packageSpec, String expected, String actual, String where) {
        super("npm package " + packageSpec + " (" + where + ") has integrity " + actual + " but " + expected
                + " is pinned in the source: refused, nothing from it is used. Delete the file to fetch it again;"
                + " if it still differs, the registry serves something other than the published package.");
        this.packageSpec = packageSpec;
        this.expected = expected;
        this.actual = actual;
    }

    public String packageSpec() {
        return packageSpec;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
