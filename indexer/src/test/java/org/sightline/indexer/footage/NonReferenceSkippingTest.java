package org.sightline.indexer.footage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.global.avcodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NonReferenceSkippingTest {
    private final AVCodecContext context = avcodec.avcodec_alloc_context3(null);

    @AfterEach
    void free() {
        avcodec.avcodec_free_context(context);
    }

    @Test
    void skipsUntilAHoleLongerThanAllowedThenDecodesEverything() {
        NonReferenceSkipping skipping = NonReferenceSkipping.start(Optional.of(context), 0.5);
        assertTrue(skipping.active());
        assertEquals(avcodec.AVDISCARD_NONREF, context.skip_frame());
        skipping.decoded(0.0, true);
        skipping.decoded(0.12, false);
        skipping.decoded(0.24, false);
        assertTrue(skipping.active(), "B-frames skipped between P-frames");
        skipping.decoded(1.50, false);
        assertFalse(skipping.active());
        assertFalse(skipping.holeWasSkipped(), "a hole after a P-frame may be damage");
        assertEquals(avcodec.AVDISCARD_DEFAULT, context.skip_frame());
    }

    @Test
    void onlyIntraFramesLeftMeansEveryOtherFrameWasNonReference() {
        NonReferenceSkipping skipping = NonReferenceSkipping.start(Optional.of(context), 0.5);
        skipping.decoded(0.0, true);
        skipping.decoded(2.0, true);
        assertFalse(skipping.active());
        assertTrue(skipping.holeWasSkipped(), "intra to intra: the encoder marked every P-frame non-reference");
        skipping.decoded(2.04, false);
        assertFalse(skipping.holeWasSkipped());
    }

    @Test
    void keyframeOnlyStretchesAreNoHole() {
        NonReferenceSkipping skipping = NonReferenceSkipping.start(Optional.of(context), 0.5);
        skipping.decoded(0.0, true);
        skipping.forgetPrevious();
        skipping.decoded(5.0, true);
        assertTrue(skipping.active());
    }

    @Test
    void withoutTheDecoderContextNothingIsSkipped() {
        assertFalse(NonReferenceSkipping.start(Optional.empty(), 0.5).active());
    }
}
