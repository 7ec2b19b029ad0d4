package org.sightline.indexer.footage;

import org.sightline.models.runtime.RgbFrame;

/**
 * A frame chosen by the sampler.
 *
 * @param offsetSeconds presentation time from the start of the video (monotonic: the sampler repairs
 *                      timestamps that go backwards)
 * @param sceneCut      true when the frame was taken because the picture changed abruptly (shot cut)
 */
public record SampledFrame(double offsetSeconds, RgbFrame frame, boolean sceneCut) {
}
