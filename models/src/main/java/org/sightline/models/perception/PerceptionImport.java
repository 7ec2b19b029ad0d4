package org.sightline.models.perception;

import java.nio.file.Path;
import java.util.List;

/**
 * What importing a perception pack did.
 *
 * @param name             pack name
 * @param version          pack version
 * @param kind             detector or text
 * @param manifestSha256   SHA-256 of the installed manifest
 * @param installedDir     where the pack now is
 * @param alreadyInstalled true when an identical pack (same manifest) was installed already and nothing was copied
 * @param bytes            total size of the pack's files
 * @param classes          the detector's class names (empty for a text pack)
 * @param licence          the licence the manifest records
 * @param provenance       where the files came from: the npm package or "user-supplied FILE sha256 HEX"
 */
public record PerceptionImport(String name, String version, PerceptionManifest.Kind kind, String manifestSha256,
                               Path installedDir, boolean alreadyInstalled, long bytes, List<String> classes,
                               String licence, List<String> provenance) {
    public PerceptionImport {
        classes = List.copyOf(classes);
        provenance = List.copyOf(provenance);
    }

    /** Where a manifest says its files came from, in one line each. */
    public static List<String> provenanceOf(PerceptionManifest m) {
        if (m.supplied() != null) {
            return List.of(m.supplied().origin() + " " + m.supplied().file() + " sha256 " + m.supplied().sha256());
        }
        if (m.provenance() != null) {
            var p = m.provenance();
            return List.of("npm " + p.packageName() + "@" + p.version() + " " + p.integrity());
        }
        return List.of("not stated in the manifest");
    }
}
