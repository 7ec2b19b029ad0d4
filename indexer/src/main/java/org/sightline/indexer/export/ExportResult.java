package org.sightline.indexer.export;

import java.nio.file.Path;

/**
 * A finished evidence package.
 *
 * @param files  files in the package, manifest and its hash file included
 * @param bytes  total size of the files the manifest lists
 */
public record ExportResult(Path directory, String manifestSha256, int files, long bytes, ExportManifest manifest) {
}
