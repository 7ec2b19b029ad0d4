package org.sightline.models.pack;

/**
 * Runs a verified pack's encoders once before it is installed or handed out, so that a pack that verifies but cannot
 * run is refused at import, not found broken at index or search time. The implementation that runs the model lives
 * with the installed-pack store ({@code models.store.PackTrial}): this package verifies files and knows no runtime.
 */
@FunctionalInterface
public interface EncoderTrial {
    /** @throws PackVerificationException naming the file when an encoder cannot run or gives unusable vectors */
    void run(VerifiedPack pack);
}
