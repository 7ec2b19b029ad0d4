package org.sightline.indexer.index;

import java.util.Arrays;

/**
 * The small JPEG the indexer writes of a segment's representative frame, with the frame's offset in its video. A
 * shared store keeps it with that frame's document, so that any workstation can show a still of another's footage.
 *
 * @param offsetSeconds where the pictured frame is in its video
 * @param jpeg          the JPEG bytes (copied in and out)
 */
public record FrameThumbnail(double offsetSeconds, byte[] jpeg) {
    public FrameThumbnail {
        if (jpeg == null || jpeg.length == 0) {
            throw new IllegalArgumentException("a thumbnail needs the bytes of a JPEG");
        }
        jpeg = jpeg.clone();
    }

    @Override
    public byte[] jpeg() {
        return jpeg.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameThumbnail t && Double.compare(t.offsetSeconds, offsetSeconds) == 0 && Arrays.equals(t.jpeg, jpeg);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(offsetSeconds) + Arrays.hashCode(jpeg);
    }

    @Override
    public String toString() {
        return "FrameThumbnail[" + offsetSeconds + " s, " + jpeg.length + " bytes]";
    }
}
