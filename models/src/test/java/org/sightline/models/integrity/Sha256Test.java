package org.sightline.models.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.testing.SharedData;

class Sha256Test {
    private static final String FOOTAGE = "parking-aisle-cars.mp4";

    /** The fixtures' published sums ({@code sha256sum} output), an oracle independent of the class under test. */
    private static String publishedSum(String name) throws IOException {
        Map<String, String> sums = Files.readAllLines(SharedData.root().resolve("footage/SHA256SUMS")).stream()
                .map(l -> l.split("\\s+\\*?", 2))
                .filter(p -> p.length == 2)
                .collect(Collectors.toMap(p -> p[1].strip(), p -> p[0]));
        return sums.get(name);
    }

    @Test
    void knownVectors() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.of(new byte[0]));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void fileBytesAndStreamAgreeWithThePublishedSum() throws IOException {
        Path video = SharedData.footage(FOOTAGE);
        String expected = publishedSum(FOOTAGE);
        assertEquals(expected, Sha256.of(video));
        assertEquals(expected, Sha256.ofRegularFile(video));
        assertEquals(expected, Sha256.of(Files.readAllBytes(video)));
        try (InputStream in = Files.newInputStream(video)) {
            assertEquals(expected, Sha256.of(in));
        }
    }

    @Test
    void copyHashesWhatPassesAndCopiesItAll() throws IOException {
        Path video = SharedData.footage(FOOTAGE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Sha256.Copied copied;
        try (InputStream in = Files.newInputStream(video)) {
            copied = Sha256.copy(in, out);
        }
        assertEquals(Files.size(video), copied.size());
        assertEquals(publishedSum(FOOTAGE), copied.sha256());
        assertEquals(copied.sha256(), Sha256.of(out.toByteArray()));
    }

    @Test
    void aSymbolicLinkIsFollowedByOfButRefusedByOfRegularFile(@TempDir Path dir) throws IOException {
        Path video = SharedData.footage(FOOTAGE);
        Path link = Files.createSymbolicLink(dir.resolve("link.mp4"), video);
        assertEquals(publishedSum(FOOTAGE), Sha256.of(link));
        IOException e = assertThrows(IOException.class, () -> Sha256.ofRegularFile(link));
        assertTrue(e.getMessage().contains("link.mp4"), e.getMessage());
        assertThrows(IOException.class, () -> Sha256.ofRegularFile(dir));
    }

    @Test
    void validDigestsAreSixtyFourLowerCaseHexDigits() {
        assertTrue(Sha256.isValid(Sha256.of(new byte[] {1})));
        assertFalse(Sha256.isValid(null));
        assertFalse(Sha256.isValid("ABC"));
        assertFalse(Sha256.isValid(Sha256.of(new byte[] {1}).toUpperCase()));
    }
}
