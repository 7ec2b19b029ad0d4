package org.sightline.indexer.cases;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/** Facts about a source video a case needs when an item is added: its length and its SHA-256. */
public interface VideoFacts {

    /** Length of the video in seconds. */
    double durationSeconds(Path video) throws IOException;

    String sha256(Path video) throws IOException;

    /** Reads the length with FFmpeg (JavaCV) and hashes the file. */
    static VideoFacts ffmpeg() {
        return new VideoFacts() {
            @Override
            public double durationSeconds(Path video) throws IOException {
                if (avutil.av_log_get_level() > avutil.AV_LOG_ERROR) {
                    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
                }
                try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
                    g.start();
                    long micros = g.getLengthInTime();
                    if (micros <= 0) {
                        throw new IOException("cannot tell how long " + video + " is (the container gives no duration)");
                    }
                    return micros / 1e6;
                } catch (FrameGrabber.Exception e) {
                    throw new IOException("cannot open video " + video + ": " + e.getMessage(), e);
                }
            }

            @Override
            public String sha256(Path video) throws IOException {
                return Sha256.of(video);
            }
        };
    }
}
