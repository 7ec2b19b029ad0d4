package org.sightline.indexer.catalog;

import java.time.ZoneId;
import java.util.Optional;

/**
 * A camera as the catalog knows it: the key its videos carry ({@code videos.camera}, the folder name when indexed),
 * the name shown for it and the zone of its wall clock.
 *
 * @param name   the name shown; the key until someone names the camera
 * @param zone   the zone set for the camera; empty when none was set (the workstation's zone is assumed)
 * @param videos how many videos in the catalog carry the key
 */
public record CameraRecord(String key, String name, Optional<ZoneId> zone, int videos) {
}
