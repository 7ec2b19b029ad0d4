package org.sightline.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.perception.StarterPacks;
import org.sightline.models.testing.SharedData;

/**
 * {@code case export --redact}, {@code case redact-review} and {@code case export --redact-plan --disclosure} end to
 * end on real footage with the starter packs, and the plain refusal of {@code --redact faces} without a face pack.
 */
class RedactionCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void redactReviewAndExportTheReviewedPlan() throws Exception {
        String data = tmp.resolve("data").toString();
        Path indoor = SharedData.footage("indoor-people-one-by-one.mp4");
        String sha = Sha256.of(indoor);
        assertEquals(0, CliRun.of("case", "create", "--data", data, "--name", "Table", "--reference", "RD-1").exitCode());
        assertEquals(0, CliRun.of("case", "add", "RD-1", "--data", data, "--video", indoor.toString(), "--in", "8",
                "--out", "8.6").exitCode());

        Path pkg = tmp.resolve("pkg");
        CliRun exported = CliRun.of("case", "export", "RD-1", "--data", data, "--out", pkg.toString(), "--quiet",
                "--redact", "people", "--redact-method", "blur");
        assertEquals(0, exported.exitCode(), exported.err());
        assertTrue(exported.err().contains("not reviewed"), exported.err());
        String manifest = Files.readString(pkg.resolve("manifest.json"));
        assertTrue(manifest.contains("\"review\" : \"not reviewed\"") && manifest.contains("sightline-detector-centernet"),
                manifest);
        assertEquals(0, CliRun.of("verify", pkg.toString()).exitCode());

        Path review = tmp.resolve("review");
        CliRun reviewed = CliRun.of("case", "redact-review", "RD-1", "--data", data, "--out", review.toString(),
                "--redact", "people,regions", "--redact-region", "0,0,0.2,0.2");
        assertEquals(0, reviewed.exitCode(), reviewed.err());
        assertTrue(Files.exists(review.resolve("item01.plan.json")) && Files.exists(review.resolve("item01.sheet.jpg")),
                reviewed.out());
        assertTrue(reviewed.out().contains("--redact-plan"), reviewed.out());

        CliRun both = CliRun.of("case", "export", "RD-1", "--data", data, "--out", tmp.resolve("x").toString(),
                "--redact-plan", review.toString(), "--redact", "people");
        assertEquals(2, both.exitCode(), both.err());

        Path disclosure = tmp.resolve("disclosure");
        CliRun fromPlan = CliRun.of("case", "export", "RD-1", "--data", data, "--out", disclosure.toString(), "--quiet",
                "--redact-plan", review.toString(), "--disclosure");
        assertEquals(0, fromPlan.exitCode(), fromPlan.err());
        assertFalse(Files.exists(disclosure.resolve("originals")), "a disclosure copy leaves the originals out");
        assertTrue(Files.readString(disclosure.resolve("manifest.json")).contains("\"review\" : \"reviewed\""));
        assertEquals(0, CliRun.of("verify", disclosure.toString()).exitCode());
        assertEquals(sha, Sha256.of(indoor), "the source is untouched");

        CliRun unknown = CliRun.of("case", "export", "RD-1", "--data", data, "--out", tmp.resolve("y").toString(),
                "--redact", "cats");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("\"cats\" is not one of faces, people, vehicles, plates, regions"), unknown.err());

        CliRun audit = CliRun.of("audit", "show", "--case", "RD-1", "--data", data);
        assertTrue(audit.out().contains("redaction"), audit.out());
    }

    @Test
    void facesAreRefusedInPlainWordsWithoutAFacePack() throws Exception {
        String data = tmp.resolve("data").toString();
        Path indoor = SharedData.footage("indoor-people-one-by-one.mp4");
        assertEquals(0, CliRun.of("case", "create", "--data", data, "--name", "Faces", "--reference", "RD-2").exitCode());
        assertEquals(0, CliRun.of("case", "add", "RD-2", "--data", data, "--video", indoor.toString(), "--in", "8",
                "--out", "8.6").exitCode());
        Path emptyShelf = Files.createDirectories(tmp.resolve("no-packs"));
        String before = System.getProperty(StarterPacks.LOCATION_PROPERTY);
        CliRun refused;
        try {
            System.setProperty(StarterPacks.LOCATION_PROPERTY, emptyShelf.toString());
            refused = CliRun.of("case", "export", "RD-2", "--data", data, "--out", tmp.resolve("pkg").toString(),
                    "--redact", "faces");
        } finally {
            if (before == null) {
                System.clearProperty(StarterPacks.LOCATION_PROPERTY);
            } else {
                System.setProperty(StarterPacks.LOCATION_PROPERTY, before);
            }
        }
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("no installed detector pack has a class named \"face\"")
                && refused.err().contains("nothing was exported"), refused.err());
        assertFalse(Files.exists(tmp.resolve("pkg")), "no unredacted disclosure copy is left behind");
    }
}
