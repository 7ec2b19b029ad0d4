package org.sightline.indexer.footage;

import java.util.Optional;

/**
 * What a pass over one video produced.
 *
 * @param framesDecoded       frames the decoder produced (before sampling)
 * @param framesSampled       frames handed to the sink
 * @param lastGoodOffsetSeconds offset of the last frame that decoded
 * @param damage              when the file decoded only partway: what went wrong and where; empty for a clean file
 */
public record SamplingReport(long framesDecoded, long framesSampled, double lastGoodOffsetSeconds, Optional<Damage> damage) {

    /** A file that decodes partway: it is indexed up to the damage and the damage is recorded. */
    public record Damage(FootageError error, double atSeconds, String detail) {
    }
}
