package org.sightline.indexer.perception;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.sightline.indexer.footage.FrameAt;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.testing.SharedData;

class DumpFramesScratch {
    @Test
    void dump() throws Exception {
        Path out = Path.of("/work/cache-detect/frames");
        Files.createDirectories(out);
        String[] specs = System.getProperty("frames").split(";");
        for (String spec : specs) {
            String[] p = spec.split("@");
            RgbFrame f = FrameAt.frameAt(SharedData.footage(p[0]), Double.parseDouble(p[1]), 4096);
            BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
            byte[] b = f.rgb();
            for (int y = 0; y < f.height(); y++) {
                for (int x = 0; x < f.width(); x++) {
                    int i = 3 * (y * f.width() + x);
                    img.setRGB(x, y, ((b[i] & 0xff) << 16) | ((b[i + 1] & 0xff) << 8) | (b[i + 2] & 0xff));
                }
            }
            ImageIO.write(img, "png", out.resolve(p[0].substring(0, 4) + "-" + p[1] + ".png").toFile());
        }
    }
}
