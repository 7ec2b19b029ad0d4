package org.sightline.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.testing.SharedData;

/**
 * {@code audit verify --package} takes audit anchors from an evidence package only when its manifest's signature
 * holds (issue 11, "anchors from packages are signature-checked"): a forged or unsigned package's anchors are
 * reported as untrusted and not used, so they can neither vouch for a log nor accuse it.
 */
class PackageAnchorTrustTest {
    @TempDir
    Path tmp;

    @Test
    void onlyASignedPackagesAnchorsAreUsed() throws Exception {
        String data = tmp.resolve("data").toString();
        String aisle = SharedData.footage("parking-aisle-cars.mp4").toString();
        assertEquals(0, CliRun.of("case", "create", "--data", data, "--name", "Aisle", "--reference", "AI-1").exitCode());
        assertEquals(0, CliRun.of("case", "add", "AI-1", "--data", data, "--video", aisle, "--in", "2", "--out", "4").exitCode());
        Path pkg = tmp.resolve("pkg");
        CliRun exported = CliRun.of("case", "export", "AI-1", "--data", data, "--out", pkg.toString(), "--quiet");
        assertEquals(0, exported.exitCode(), exported.err());

        CliRun signed = CliRun.of("audit", "verify", "--data", data, "--package", pkg.toString());
        assertEquals(0, signed.exitCode(), signed.out());
        assertTrue(signed.out().contains("anchored: "), signed.out());

        // a forger rewrites the package's recorded chain head (and the manifest's own hash file), but cannot re-sign
        Path manifest = pkg.resolve("manifest.json");
        String json = Files.readString(manifest, StandardCharsets.UTF_8);
        String forged = json.replaceFirst("(\"chainHeadAtExport\"\\s*:\\s*\")[0-9a-f]{8}", "$1" + "00000000");
        assertFalse(forged.equals(json), "the manifest records a chain head");
        Files.writeString(manifest, forged, StandardCharsets.UTF_8);
        Files.writeString(pkg.resolve("manifest.json.sha256"), Sha256.of(manifest) + "  manifest.json\n");
        CliRun badlySigned = CliRun.of("audit", "verify", "--data", data, "--package", pkg.toString());
        assertEquals(1, badlySigned.exitCode(), badlySigned.out());
        assertTrue(badlySigned.out().contains("anchor UNTRUSTED, not used: package " + pkg), badlySigned.out());
        assertTrue(badlySigned.out().contains("its manifest is badly signed"), badlySigned.out());
        assertFalse(badlySigned.out().contains("DIFFERS"), "the forged head is not used against the log: " + badlySigned.out());

        Files.delete(pkg.resolve("manifest.json.sig"));
        CliRun unsigned = CliRun.of("audit", "verify", "--data", data, "--package", pkg.toString(), "--json");
        assertEquals(1, unsigned.exitCode(), unsigned.out());
        assertTrue(unsigned.out().contains("its manifest is unsigned"), unsigned.out());
        assertTrue(unsigned.out().contains("\"anchorProblems\" : [ ]"), unsigned.out());
    }
}
