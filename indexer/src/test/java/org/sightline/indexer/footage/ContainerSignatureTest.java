package org.sightline.indexer.footage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.footage.ContainerSignature.Kind;
import org.sightline.models.testing.SharedData;

class ContainerSignatureTest {
    @Test
    void fixturesAreVideo() throws Exception {
        assertEquals(Kind.VIDEO, ContainerSignature.of(SharedData.footage("parking-aisle-cars.mp4")).kind());
        assertEquals(Kind.VIDEO, ContainerSignature.of(SharedData.footage("road-traffic-60fps.avi")).kind());
    }

    @Test
    void transportStreamIsRecognisedByItsSyncBytes(@TempDir Path dir) throws Exception {
        Path ts = TestMedia.transportStream(dir.resolve("export.bin"), 5);
        assertEquals(new ContainerSignature(Kind.VIDEO, "MPEG transport stream"), ContainerSignature.of(ts));
    }

    @Test
    void commonMagicNumbers() {
        assertEquals(Kind.VIDEO, ContainerSignature.of(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x01, 0, 0, 0, 0, 0, 0, 0)).kind());
        assertEquals(Kind.VIDEO, ContainerSignature.of(bytes(0, 0, 1, 0xBA, 0x44, 0, 4, 0, 4, 1, 1, 0x89)).kind());
        assertEquals(Kind.VIDEO, ContainerSignature.of(ascii("DHAV\u00fd\u0000\u0000\u0000")).kind());
        assertEquals(Kind.VIDEO, ContainerSignature.of(bytes(0, 0, 0, 1, 0x40, 0x01, 0x0C)).kind(), "H.265 VPS");
        assertEquals(Kind.NOT_VIDEO, ContainerSignature.of(bytes(0xFF, 0xD8, 0xFF, 0xE0)).kind());
        assertEquals(Kind.NOT_VIDEO, ContainerSignature.of(ascii("%PDF-1.7\n")).kind());
        assertEquals(Kind.NOT_VIDEO, ContainerSignature.of(ascii("RIFF\u0010\u0000\u0000\u0000WAVEfmt ")).kind());
        assertEquals(Kind.UNKNOWN, ContainerSignature.of(bytes(0x13, 0x00, 0x99, 0x01, 0xF0)).kind());
        assertEquals(Kind.UNKNOWN, ContainerSignature.of(new byte[0]).kind());
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
