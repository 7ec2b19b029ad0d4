package org.sightline.indexer.footage;

import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.global.avcodec;

/**
 * Lets the decoder drop frames that no other frame refers to ({@code skip_frame=noref}, AVDISCARD_NONREF): in
 * footage with B-frames that is half to two thirds of all frames, none of which the sampler needs, since at one
 * sample a second the next reference frame (a few frame intervals later) stands in for a skipped one. A skipped
 * frame is never decoded, so the reference frames decode to the same pixels as without skipping.
 *
 * <p>Some encoders (CCTV "smart" codecs) mark every P-frame non-reference too; skipping would then leave only the
 * intra frames, seconds apart. So skipping stops for the rest of the file at the first hole between decoded frames
 * longer than half a sampling interval. A hole from one intra frame straight to the next is that case, not lost
 * data ({@link #holeWasSkipped}); any other long hole stays a candidate for damage.
 *
 * <p>The decoder reads {@code skip_frame} for every packet (frame threads copy it too), so it can be turned off
 * midway; JavaCV has no public handle on the decoder context, which {@link GrabberInternals} reaches. Without it,
 * skipping is never turned on.
 */
final class NonReferenceSkipping {
    private final Optional<AVCodecContext> decoder;
    private final double longestHole;
    private boolean active;
    private double previousOffset = Double.NaN;
    private boolean previousIntra;
    private boolean holeWasSkipped;

    private NonReferenceSkipping(Optional<AVCodecContext> decoder, double longestHoleSeconds) {
        this.decoder = decoder;
        this.longestHole = longestHoleSeconds;
    }

    /**
     * Starts skipping on an open video decoder, when its context could be reached (see {@link GrabberInternals}).
     *
     * @param longestHoleSeconds skipping stops at the first longer hole between decoded frames
     */
    static NonReferenceSkipping start(Optional<AVCodecContext> videoDecoder, double longestHoleSeconds) {
        NonReferenceSkipping skipping = new NonReferenceSkipping(videoDecoder, longestHoleSeconds);
        skipping.decoder.ifPresent(context -> {
            context.skip_frame(avcodec.AVDISCARD_NONREF);
            skipping.active = true;
        });
        return skipping;
    }

    /** The decoder is currently dropping non-reference frames. */
    boolean active() {
        return active;
    }

    /**
     * Tells it a frame decoded in full-decoding mode (not keyframes only) at this offset.
     *
     * @param intra the frame is an intra (I) picture
     */
    void decoded(double offset, boolean intra) {
        holeWasSkipped = false;
        if (active && !Double.isNaN(previousOffset) && offset - previousOffset > longestHole) {
            holeWasSkipped = intra && previousIntra;
            stop();
        }
        previousOffset = offset;
        previousIntra = intra;
    }

    /** The hole before the last frame passed to {@link #decoded} was frames dropped by skipping, not damage. */
    boolean holeWasSkipped() {
        return holeWasSkipped;
    }

    /** Keyframes-only decoding leaves holes by design: the next frame starts afresh. */
    void forgetPrevious() {
        previousOffset = Double.NaN;
    }

    private void stop() {
        active = false;
        decoder.ifPresent(context -> context.skip_frame(avcodec.AVDISCARD_DEFAULT));
    }
}
