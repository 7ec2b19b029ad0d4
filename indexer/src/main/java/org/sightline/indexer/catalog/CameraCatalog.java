package org.sightline.indexer.catalog;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The {@code cameras} table: a display name and a time zone per camera key. A camera the table does not list yet
 * (every camera, until someone names it or sets its zone) is named by its key and has no zone set. Cameras are the
 * keys on {@code videos.camera} and those in the table. A camera with no zone set is read in the workstation zone,
 * which the application layer supplies ({@code app.Cameras}).
 */
public final class CameraCatalog {
    private static final String LIST = """
            SELECT k.key AS key, c.name AS name, c.zone AS zone,
                   (SELECT COUNT(*) FROM videos v WHERE v.camera = k.key) AS videos
            FROM (SELECT camera AS key FROM videos WHERE camera IS NOT NULL UNION SELECT key FROM cameras) k
            LEFT JOIN cameras c ON c.key = k.key""";

    private static final RowMapper<CameraRecord> CAMERA = (rs, ctx) -> {
        String key = rs.getString("key");
        String name = rs.getString("name");
        String zone = rs.getString("zone");
        return new CameraRecord(key, name == null ? key : name, Optional.ofNullable(zone).map(ZoneId::of), rs.getInt("videos"));
    };

    private final CatalogDatabase db;

    public CameraCatalog(CatalogDatabase db) {
        this.db = db;
    }

    /** Every camera, by name (then key). */
    public List<CameraRecord> list() {
        try {
            return db.withHandle(h -> h.createQuery(LIST + " ORDER BY COALESCE(c.name, k.key), k.key").map(CAMERA).list());
        } catch (JdbiException e) {
            throw new CatalogException("catalog " + db.file() + ": cannot read the cameras: " + CatalogDatabase.message(e), e);
        }
    }

    /** One camera, when the catalog knows the key. */
    public Optional<CameraRecord> camera(Handle h, String key) {
        return h.createQuery(LIST + " WHERE k.key = :key").bind("key", key).map(CAMERA).findOne();
    }

    /** The zones set, by camera key (cameras with no zone set are left out). */
    public Map<String, ZoneId> zones() {
        Map<String, ZoneId> out = new LinkedHashMap<>();
        list().forEach(c -> c.zone().ifPresent(z -> out.put(c.key(), z)));
        return out;
    }

    /**
     * The camera keys that keys or names given in a search filter stand for (a key first, then a name, then a name
     * in any case); a value that names no camera is kept as it is, and matches nothing.
     */
    public java.util.Set<String> keysFor(java.util.Collection<String> keysOrNames) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        if (keysOrNames.isEmpty()) {
            return out;
        }
        List<CameraRecord> all = list();
        for (String k : keysOrNames) {
            out.add(all.stream().filter(c -> c.key().equals(k)).findFirst()
                    .or(() -> all.stream().filter(c -> c.name().equals(k)).findFirst())
                    .or(() -> all.stream().filter(c -> c.name().equalsIgnoreCase(k)).findFirst())
                    .map(CameraRecord::key).orElse(k));
        }
        return out;
    }

    /** Stores a camera's name and zone (null for none set), on a handle inside the caller's write transaction. */
    public void save(Handle h, String key, String name, ZoneId zone) {
        h.createUpdate("INSERT INTO cameras(key, name, zone, updated_at) VALUES (:key, :name, :zone, :now) "
                        + "ON CONFLICT(key) DO UPDATE SET name = excluded.name, zone = excluded.zone, updated_at = excluded.updated_at")
                .bind("key", key).bind("name", name).bind("zone", zone == null ? null : zone.getId())
                .bind("now", System.currentTimeMillis()).execute();
    }
}
