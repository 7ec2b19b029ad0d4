package org.sightline.indexer.cases;

import java.io.IOException;
import java.nio.file.Path;
import org.sightline.indexer.footage.FootageException;
import org.sightline.indexer.footage.VideoProbe;
import org.sightline.models.integrity.Sha256;

/** Facts about a source video a case needs when an item is added: its length and its SHA-256. */
public interface VideoFacts {

    /** Length of the video in seconds. */
    double durationSeconds(Path video) throws IOException;

    String sha256(Path video) throws IOException;

    /** Reads the length with {@link VideoProbe} (FFmpeg) and hashes the file. */
    static VideoFacts probing() {
        VideoProbe probe = new VideoProbe();
        return new VideoFacts() {
            @Override
            public double durationSeconds(Path video) throws IOException {
                try {
                    double d = probe.probe(video).durationSeconds();
                    if (d <= 0) {
                        throw new IOException("cannot tell how long " + video + " is (the container gives no duration)");
                    }
                    return d;
                } catch (FootageException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }

            @Override
            public String sha256(Path video) throws IOException {
                return Sha256.of(video);
            }
        };
    }
}
