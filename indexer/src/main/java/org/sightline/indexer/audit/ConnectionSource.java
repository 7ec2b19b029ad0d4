package org.sightline.indexer.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens connections to the SQLite catalog. Every call returns a new connection that the caller closes.
 * The Workspace wires this to its catalog ({@code catalog::openConnection}); {@link #sqlite(Path)} opens the
 * file directly (WAL, busy timeout) for the command line and tests.
 */
@FunctionalInterface
public interface ConnectionSource {

    Connection open() throws SQLException;

    /** Connections straight to a catalog file, in WAL mode, waiting up to 10 s for a busy writer. */
    static ConnectionSource sqlite(Path catalogFile) {
        return () -> {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + catalogFile.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA foreign_keys = ON");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c;
        };
    }
}
