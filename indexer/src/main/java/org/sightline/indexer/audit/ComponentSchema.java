package org.sightline.indexer.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Schema version rows for parts of the catalog that create their own tables (cases, audit), kept in
 * {@code component_schema(component, version)} so they do not touch the catalog's own version.
 */
public final class ComponentSchema {
    private ComponentSchema() {
    }

    /** The recorded version of a component, 0 when it has none yet. */
    public static int version(Connection c, String component) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS component_schema ("
                    + "component TEXT PRIMARY KEY, version INTEGER NOT NULL)");
        }
        try (PreparedStatement p = c.prepareStatement("SELECT version FROM component_schema WHERE component = ?")) {
            p.setString(1, component);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    public static void setVersion(Connection c, String component, int version) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO component_schema(component, version) VALUES (?, ?) "
                        + "ON CONFLICT(component) DO UPDATE SET version = excluded.version")) {
            p.setString(1, component);
            p.setInt(2, version);
            p.executeUpdate();
        }
    }

    /** Fails when the catalog was written by a newer Sightline than this one. */
    public static void requireAtMost(int found, int supported, String component) {
        if (found > supported) {
            throw new IllegalStateException("the catalog's " + component + " tables are version " + found
                    + " but this Sightline understands up to " + supported + "; use a newer Sightline");
        }
    }
}
