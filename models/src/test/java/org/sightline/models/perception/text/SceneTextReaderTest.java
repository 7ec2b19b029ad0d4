package org.sightline.models.perception.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.RuntimeOptions;
import org.sightline.models.testing.StarterPackFixture;

/**
 * The real PaddleOCR PP-OCRv4 starter pack reads text drawn with Java2D on frame-sized pictures: a number plate,
 * a shop sign and burned-in clocks in two formats.
 */
class SceneTextReaderTest {
    private static SceneTextReader reader;

    @BeforeAll
    static void open() {
        reader = SceneTextReader.open(StarterPackFixture.textPack(), new RuntimeOptions(2, 1, 8));
    }

    @AfterAll
    static void close() {
        if (reader != null) {
            reader.close();
        }
    }

    @Test
    void readsANumberPlate() {
        BufferedImage img = street();
        Graphics2D g = graphics(img);
        g.setColor(new Color(245, 215, 40));
        g.fillRect(250, 260, 260, 64);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 46));
        g.drawString("KX19 ABC", 270, 310);
        g.dispose();
        List<RecognisedText> found = reader.read(frame(img));
        RecognisedText plate = only(found, "KX19");
        assertEquals("KX19ABC", plate.text().replace(" ", ""), "plate read as " + found);
        assertTrue(plate.box().x() >= 240 && plate.box().right() <= 540, "plate box " + plate.box());
        assertTrue(plate.confidence() > 0.8f, "confidence " + plate.confidence());
    }

    @Test
    void readsAShopSign() {
        BufferedImage img = street();
        Graphics2D g = graphics(img);
        g.setColor(new Color(20, 60, 140));
        g.fillRect(60, 40, 520, 90);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SERIF, Font.BOLD, 56));
        g.drawString("BAKERY", 200, 105);
        g.dispose();
        List<RecognisedText> found = reader.read(frame(img));
        assertEquals("BAKERY", only(found, "BAKE").text(), "sign read as " + found);
    }

    @Test
    void readsBurnedInClocksInTwoFormats() {
        BufferedImage img = street();
        Graphics2D g = graphics(img);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 22));
        g.setColor(Color.WHITE);
        g.drawString("2024-03-18 14:22:05", 12, 30);
        g.drawString("18/03/2024 14:22:05", 380, 460);
        g.dispose();
        RgbFrame frame = frame(img);
        List<RecognisedText> topLeft = reader.read(frame, 0, 0, 320, 60);
        assertEquals("2024-03-1814:22:05", only(topLeft, "2024").text().replace(" ", ""), "read " + topLeft);
        List<RecognisedText> bottomRight = reader.read(frame, 320, 420, 320, 60);
        assertEquals("18/03/202414:22:05", only(bottomRight, "2024").text().replace(" ", ""), "read " + bottomRight);
        assertTrue(bottomRight.getFirst().box().x() >= 320, "boxes are in frame coordinates: " + bottomRight);
        BurnedInClockParser clock = new BurnedInClockParser();
        java.time.LocalDateTime expected = java.time.LocalDateTime.of(2024, 3, 18, 14, 22, 5);
        assertEquals(expected, clock.parse(topLeft.stream().map(RecognisedText::text).toList()).orElseThrow().time());
        assertEquals(expected, clock.parse(bottomRight.stream().map(RecognisedText::text).toList()).orElseThrow().time());
    }

    @Test
    void readsASmallLowResolutionClockWhenTheRegionIsEnlarged() {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        g.setColor(new Color(90, 100, 95));
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 120, 16);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 10));
        g.drawString("18/03/24 14:22:05", 4, 11);
        g.dispose();
        RgbFrame frame = frame(img);
        List<RecognisedText> read = reader.read(frame, 0, 0, 160, 24, 4);
        assertEquals(java.time.LocalDateTime.of(2024, 3, 18, 14, 22, 5),
                new BurnedInClockParser().parse(read.stream().map(RecognisedText::text).toList()).orElseThrow(
                        () -> new AssertionError("no clock in " + read)).time());
        TextBox box = read.getFirst().box();
        assertTrue(box.x() < 10 && box.right() <= 160 && box.bottom() <= 24, "box in frame pixels: " + box);
    }

    @Test
    void findsNoTextInAnEmptyFrame() {
        assertEquals(List.of(), reader.read(frame(street())));
    }

    private static RecognisedText only(List<RecognisedText> found, String containing) {
        List<RecognisedText> matching = found.stream().filter(t -> t.text().contains(containing)).toList();
        assertEquals(1, matching.size(), "expected one line containing " + containing + " in " + found);
        return matching.getFirst();
    }

    /** A 640x480 picture with a plain grey gradient, like a dull street scene. */
    private static BufferedImage street() {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 480; y++) {
            int v = 70 + y / 8;
            for (int x = 0; x < 640; x++) {
                img.setRGB(x, y, new Color(v, v + 5, v + 10).getRGB());
            }
        }
        return img;
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    static RgbFrame frame(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] rgb = new byte[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                int i = 3 * (y * w + x);
                rgb[i] = (byte) (p >> 16);
                rgb[i + 1] = (byte) (p >> 8);
                rgb[i + 2] = (byte) p;
            }
        }
        return new RgbFrame(w, h, rgb);
    }
}
