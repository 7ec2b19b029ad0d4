package org.sightline.indexer.export;

import org.bytedeco.javacv.Frame;

/** Hides what must not be disclosed in one decoded frame of a derivative clip, in place. */
interface FrameRedaction {

    /**
     * @param frame         a packed 8-bit BGR frame
     * @param sourceSeconds the frame's time in the source video
     */
    void apply(Frame frame, double sourceSeconds);

    /** Whether anything is hidden at all (a clip without redaction is named and recorded as such). */
    boolean any();
}
