package org.sightline.desktop.library;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.sightline.indexer.catalog.VideoStatus;
import org.sightline.indexer.ingest.FileOutcome;
import org.sightline.indexer.ingest.IngestListener;

/**
 * The catalogued footage and the index job, as the Library page needs them: the indexer's workspace behind a
 * narrow interface. Every method may block: call from background tasks.
 */
public interface FootageLibrary {

    /**
     * A video the catalog knows.
     *
     * @param status where the video stands in the catalog
     * @param reason why it failed or is partial, else null
     * @param found  what the perception packs found, in one line (empty when none ran)
     * @param foundDetails the same in full, with the packs that ran (empty when none ran)
     */
    record VideoRow(Path path, String camera, double durationSeconds, VideoStatus status, String reason, String found,
            String foundDetails) {
        public VideoRow {
            found = found == null ? "" : found;
            foundDetails = foundDetails == null ? "" : foundDetails;
        }

        /** A video on which no perception ran. */
        public VideoRow(Path path, String camera, double durationSeconds, VideoStatus status, String reason) {
            this(path, camera, durationSeconds, status, reason, "", "");
        }
    }

    /** How an index job ended. */
    record IndexRun(List<FileOutcome> outcomes, boolean cancelled, double footageSeconds, double elapsedSeconds) {
    }

    /**
     * A camera: the key its videos carry (the folder name), the name shown, the zone of its clock.
     *
     * @param zone        IANA zone id (the workstation zone when none was set for the camera)
     * @param zoneAssumed true when no zone was set for the camera
     * @param zoneSource  where the zone came from: {@code camera setting}, {@code workstation setting} or
     *                    {@code operating system}
     */
    record CameraRow(String key, String name, String zone, boolean zoneAssumed, int videos, String zoneSource) {
        /** {@code Europe/London}, or {@code UTC (workstation zone, from the operating system)}. */
        public String zoneLabel() {
            return zone + (zoneAssumed ? " (workstation zone, from the " + zoneSource + ")" : "");
        }
    }

    /**
     * The workstation zone: the zone of cameras with none of their own.
     *
     * @param zone   IANA zone id
     * @param source {@code workstation setting} or {@code operating system}
     */
    record WorkstationZoneRow(String zone, String source) {
        /** {@code Europe/London (from the workstation setting)}. */
        public String label() {
            return zone + " (from the " + source + ")";
        }
    }

    /** @return each video with its camera's name (the key until the camera is named) */
    List<VideoRow> videos() throws Exception;

    /** The cameras, by name. */
    default List<CameraRow> cameras() throws Exception {
        return List.of();
    }

    /**
     * Names a camera and sets the zone of its clock (audited).
     *
     * @param zone an IANA zone id; an unknown one fails with a message listing close matches
     */
    default CameraRow saveCamera(String key, String name, String zone) throws Exception {
        throw new UnsupportedOperationException("cameras cannot be changed here");
    }

    /** The workstation zone (the operating system's unless one is set). */
    default WorkstationZoneRow workstationZone() throws Exception {
        return new WorkstationZoneRow(java.time.ZoneId.systemDefault().getId(), "operating system");
    }

    /**
     * Sets the workstation zone (audited); cameras with no zone of their own are then read in it.
     *
     * @param zone an IANA zone id; an unknown one fails with a message listing close matches
     */
    default WorkstationZoneRow saveWorkstationZone(String zone) throws Exception {
        throw new UnsupportedOperationException("the workstation zone cannot be changed here");
    }

    /**
     * Indexes files and folders with the active model; blocks until done or cancelled. What was finished is kept.
     *
     * @param reindex embed again even when the file is indexed with the active model
     */
    IndexRun index(List<Path> paths, boolean reindex, IngestListener listener, BooleanSupplier cancelled) throws Exception;
}
