package org.sightline.indexer.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs work in a SQLite {@code BEGIN IMMEDIATE} transaction (the write lock is taken up front, so a read
 * followed by a write, like appending to the hash chain, cannot interleave with another writer).
 */
public final class WriteTransaction {
    private WriteTransaction() {
    }

    /** Work done inside the transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public static <T> T run(ConnectionSource source, Work<T> work) throws SQLException {
        try (Connection c = source.open()) {
            return run(c, work);
        }
    }

    public static <T> T run(Connection c, Work<T> work) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        boolean done = false;
        try {
            T result = work.run(c);
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
            }
            done = true;
            return result;
        } finally {
            if (!done) {
                try (Statement s = c.createStatement()) {
                    s.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // the original failure is the one worth reporting
                }
            }
        }
    }
}
