package org.sightline.indexer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.generate.ColourModelPack;
import org.sightline.models.pack.PackVerifier;
import org.sightline.models.runtime.OnnxVisionLanguageModel;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.RuntimeOptions;
import org.sightline.models.testing.SharedData;

/**
 * The demo colour model on real footage: in parking-aisle-cars.mp4 the frame with the red car driving through
 * (about 16.5 s) scores higher for "red" than a frame of the empty aisle (about 11 s).
 */
public class ColourModelOnFootageTest {
    @TempDir
    Path temp;

    /** Decodes the first frame at or after {@code seconds}, read-only. */
    public static RgbFrame frameAt(Path video, double seconds) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.start();
            grabber.setTimestamp((long) (seconds * 1_000_000));
            Frame f = grabber.grabImage();
            if (f == null || f.image == null) {
                throw new AssertionError("no frame at " + seconds + " s in " + video);
            }
            int w = f.imageWidth;
            int h = f.imageHeight;
            int stride = f.imageStride;
            ByteBuffer bgr = (ByteBuffer) f.image[0];
            byte[] rgb = new byte[w * h * 3];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int s = y * stride + 3 * x;
                    int d = 3 * (y * w + x);
                    rgb[d] = bgr.get(s + 2);
                    rgb[d + 1] = bgr.get(s + 1);
                    rgb[d + 2] = bgr.get(s);
                }
            }
            grabber.stop();
            return new RgbFrame(w, h, rgb);
        }
    }

    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void redCarFrameScoresHigherForRedThanTheEmptyAisle() throws Exception {
        Path video = SharedData.footage("parking-aisle-cars.mp4");
        RgbFrame redCar = frameAt(video, 16.5);
        RgbFrame empty = frameAt(video, 11.0);
        Path pack = ColourModelPack.write(temp.resolve("pack"));
        try (OnnxVisionLanguageModel model = OnnxVisionLanguageModel.open(new PackVerifier().verify(pack), new RuntimeOptions(1, 1, 8))) {
            float[][] v = model.embedImages(List.of(redCar, empty));
            for (String prompt : List.of("red", "a crimson car")) {
                float[] t = model.embedText(prompt);
                double withCar = dot(t, v[0]);
                double withoutCar = dot(t, v[1]);
                System.out.printf("\"%s\": red car frame %.4f, empty aisle %.4f%n", prompt, withCar, withoutCar);
                assertTrue(withCar > withoutCar, "\"" + prompt + "\": red car frame " + withCar + " vs empty aisle " + withoutCar);
            }
        }
    }
}
