package org.sightline.models.runtime;

/**
 * The fixed picture import trials run models on ({@code PackTrial} for CLIP packs, {@code DetectorTrial} for detector
 * packs): red, green, blue and grey quarters over a brightness ramp, made in code so every run sees the same pixels.
 */
public final class TestPicture {
    private TestPicture() {
    }

    /** The picture at {@code width}×{@code height}. */
    public static RgbFrame of(int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = 3 * (y * width + x);
                int ramp = 40 + 160 * (x + y) / (width + height);
                boolean left = x < width / 2;
                boolean top = y < height / 2;
                int r = top && left ? 200 : !top && !left ? ramp : 30;
                int g = top && !left ? 180 : !top && !left ? ramp : 40;
                int b = !top && left ? 190 : !top && !left ? ramp : 35;
                rgb[i] = (byte) r;
                rgb[i + 1] = (byte) g;
                rgb[i + 2] = (byte) b;
            }
        }
        return new RgbFrame(width, height, rgb);
    }
}
