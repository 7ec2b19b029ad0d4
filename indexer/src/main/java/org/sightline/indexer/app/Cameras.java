package org.sightline.indexer.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.JdbiException;
import org.sightline.indexer.audit.AuditDetails;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.catalog.CameraCatalog;
import org.sightline.indexer.catalog.CameraRecord;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.CatalogDatabase;
import org.sightline.indexer.catalog.CatalogException;
import org.sightline.indexer.footage.WallClock;
import org.sightline.indexer.footage.WorkstationZone;
import org.sightline.indexer.footage.ZoneSource;
import org.sightline.indexer.index.CameraZones;

/**
 * The cameras of a data directory: each camera key (the folder its videos were indexed from) with the name shown for
 * it and the time zone of its wall clock. Time-of-day searches read each camera's frames in its zone; every time shown
 * names the zone and, for a camera with none of its own, that the workstation zone stands in and where that came from
 * (the workstation setting {@code time.zone} or the operating system). Renaming, setting a zone and changing the
 * workstation zone are audited.
 */
public final class Cameras {
    /**
     * A camera.
     *
     * @param zone       its zone: its own, or the workstation zone when none was set for it
     * @param zoneSource where {@code zone} came from (the camera's setting, the workstation setting, the operating system)
     * @param videos     videos in the catalog from this camera
     */
    public record Camera(String key, String name, ZoneId zone, ZoneSource zoneSource, int videos) {
        /** True when no zone was set for the camera and the workstation zone stands in for it. */
        public boolean zoneAssumed() {
            return zoneSource.assumed();
        }

        /** The zone's IANA name ({@code UTC} for UTC). */
        public String zoneName() {
            return WorkstationZone.name(zone);
        }

        /** The zone as shown: {@code Europe/London}, or {@code UTC (workstation zone, from the operating system)}. */
        public String zoneLabel() {
            return zoneName() + (zoneAssumed() ? " (" + zoneSource.qualifier() + ")" : "");
        }
    }

    private final Catalog catalog;
    private final CatalogDatabase db;
    private final CameraCatalog table;
    private final AuditLog log;
    private final DataDirectory dataDirectory;

    Cameras(Catalog catalog, AuditLog log) {
        this.catalog = catalog;
        this.dataDirectory = new DataDirectory(catalog.file().toAbsolutePath().getParent());
        this.db = catalog.database();
        this.table = new CameraCatalog(db);
        this.log = log;
    }

    /** Every camera, by name. */
    public List<Camera> list() {
        WorkstationZone workstation = workstationZone();
        return table.list().stream().map(r -> camera(r, workstation)).toList();
    }

    /**
     * The zone of cameras with none of their own: the workstation setting ({@code time.zone}), else the operating
     * system's zone.
     *
     * @throws UncheckedIOException the data directory's settings file cannot be read
     */
    public WorkstationZone workstationZone() {
        try {
            return DataDirectorySettings.workstationZone(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * Sets the workstation zone (null clears it: the operating system's zone is used); audited.
     *
     * @throws UncheckedIOException the settings file cannot be written
     */
    public WorkstationZone setWorkstationZone(ZoneId zone) {
        WorkstationZone before = workstationZone();
        try {
            db.inTransaction(h -> {
                log.record(h, null, new AuditDetails.WorkstationZoneChange(
                        before.source() == ZoneSource.WORKSTATION ? before.zoneName() : null,
                        zone == null ? null : WorkstationZone.name(zone), WorkstationZone.name(ZoneId.systemDefault())));
                try {
                    DataDirectorySettings.writeTimeZone(dataDirectory, zone);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot save the workstation zone in " + DataDirectorySettings.file(dataDirectory)
                            + ": " + e.getMessage(), e);
                }
                return null;
            });
        } catch (JdbiException e) {
            throw new CatalogException("catalog " + db.file() + ": cannot record the workstation zone change: " + CatalogDatabase.message(e), e);
        }
        return workstationZone();
    }

    /** A camera by its key or its name (keys first); empty when neither names one. */
    public Optional<Camera> find(String keyOrName) {
        List<Camera> all = list();
        return all.stream().filter(c -> c.key().equals(keyOrName)).findFirst()
                .or(() -> all.stream().filter(c -> c.name().equals(keyOrName)).findFirst())
                .or(() -> all.stream().filter(c -> c.name().equalsIgnoreCase(keyOrName)).findFirst());
    }

    /**
     * The camera keys that names or keys given in a search filter stand for; a value that names no camera is kept
     * as it is (it then matches nothing, as before cameras had names).
     */
    public Set<String> keysFor(Collection<String> keysOrNames) {
        return table.keysFor(keysOrNames);
    }

    /** The zone each camera's time of day is read in. */
    public CameraZones zones() {
        return new CameraZones(table.zones(), workstationZone().zone());
    }

    /** A camera's wall clock at an instant (for showing a time with its zone and source). */
    public WallClock wallClock(String cameraKey, Instant at, String source) {
        Optional<Camera> c = cameraKey == null ? Optional.empty() : list().stream().filter(x -> x.key().equals(cameraKey)).findFirst();
        if (c.isPresent()) {
            return new WallClock(at, c.get().zone(), c.get().zoneSource(), source);
        }
        WorkstationZone workstation = workstationZone();
        return new WallClock(at, workstation.zone(), workstation.source(), source);
    }

    /**
     * The wall clock of a moment of an indexed video, in its camera's zone and with the source of its recording
     * start; empty when the video's start time is unknown (or the video is not in the catalog).
     */
    public Optional<WallClock> wallClock(long videoId, double offsetSeconds) {
        return catalog.video(videoId).flatMap(v -> v.recordingStart().map(start ->
                wallClock(v.camera(), start, v.recordingStartSource()).plusSeconds(offsetSeconds)));
    }

    /** Like {@link #wallClock(long, double)}, for the video with this content (the first the catalog holds). */
    public Optional<WallClock> wallClock(String sha256, double offsetSeconds) {
        return catalog.videosBySha256(sha256).stream().filter(v -> v.recordingStart().isPresent()).findFirst()
                .map(v -> wallClock(v.camera(), v.recordingStart().orElseThrow(), v.recordingStartSource()).plusSeconds(offsetSeconds));
    }

    /** The name shown for a camera key (the key itself when the camera was never named). */
    public String nameOf(String cameraKey) {
        return cameraKey == null ? "" : list().stream().filter(c -> c.key().equals(cameraKey)).map(Camera::name)
                .findFirst().orElse(cameraKey);
    }

    /** Renames a camera (the key stays); audited. */
    public Camera rename(String key, String name) {
        return set(key, name, null);
    }

    /** Sets a camera's zone; audited. */
    public Camera setZone(String key, ZoneId zone) {
        return set(key, null, zone);
    }

    /**
     * Changes a camera's name and/or zone (null leaves it as it is) in one audited step.
     *
     * @throws IllegalArgumentException the key names no camera, or the name is blank
     */
    public Camera set(String key, String name, ZoneId zone) {
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("a camera's name cannot be blank");
        }
        try {
            return db.inTransaction(h -> {
                CameraRecord before = table.camera(h, key).orElseThrow(() -> new IllegalArgumentException(
                        "no camera \"" + key + "\" in this data directory; the cameras are: " + keys()));
                String newName = name == null ? before.name() : name.strip();
                ZoneId newZone = zone == null ? before.zone().orElse(null) : zone;
                table.save(h, key, newName, newZone);
                log.record(h, null, new AuditDetails.CameraChange(key, before.name(), newName,
                        before.zone().map(ZoneId::getId).orElse(null), newZone == null ? null : newZone.getId()));
                return camera(table.camera(h, key).orElseThrow(), workstationZone());
            });
        } catch (JdbiException e) {
            throw new CatalogException("catalog " + db.file() + ": cannot change camera " + key + ": " + CatalogDatabase.message(e), e);
        }
    }

    private String keys() {
        List<String> keys = list().stream().map(Camera::key).toList();
        return keys.isEmpty() ? "none (index some footage first)" : String.join(", ", keys);
    }

    /**
     * The IANA zone a user typed ({@code Europe/London}, {@code UTC}; case does not matter).
     *
     * @throws IllegalArgumentException the zone is unknown; the message lists close matches
     */
    public static ZoneId zone(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.equalsIgnoreCase("UTC") || t.equalsIgnoreCase("Z") || t.equalsIgnoreCase("Etc/UTC")) {
            return ZoneOffset.UTC;
        }
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.equalsIgnoreCase(t)) {
                return ZoneId.of(id);
            }
        }
        List<String> close = closeZones(t);
        throw new IllegalArgumentException("unknown time zone \"" + typed + "\"; use an IANA zone such as Europe/London"
                + (close.isEmpty() ? "" : "; close matches: " + String.join(", ", close)));
    }

    /** Up to eight zone ids that contain what was typed, or are a few letters away from it. */
    static List<String> closeZones(String typed) {
        String t = typed.toLowerCase(Locale.ROOT).replace(' ', '_');
        List<String> ids = new ArrayList<>(ZoneId.getAvailableZoneIds());
        ids.sort(Comparator.naturalOrder());
        List<String> out = new ArrayList<>();
        if (!t.isEmpty()) {
            for (String id : ids) {
                String lower = id.toLowerCase(Locale.ROOT);
                String city = lower.substring(lower.lastIndexOf('/') + 1);
                if (lower.contains(t) || city.length() >= 4 && t.contains(city) || distance(city, t.substring(t.lastIndexOf('/') + 1)) <= 2) {
                    out.add(id);
                }
            }
        }
        return out.subList(0, Math.min(8, out.size()));
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }

    private static Camera camera(CameraRecord r, WorkstationZone workstation) {
        return r.zone().map(z -> new Camera(r.key(), r.name(), z, ZoneSource.CAMERA, r.videos()))
                .orElseGet(() -> new Camera(r.key(), r.name(), workstation.zone(), workstation.source(), r.videos()));
    }
}
