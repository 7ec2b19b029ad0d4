package org.sightline.indexer.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file {@code catalog.sqlite} that the catalog, the cases and the audit log keep their tables in: the
 * one way to reach it. An open database holds one connection (WAL, foreign keys on, synchronous NORMAL, waiting up
 * to 10 s for a busy writer in another process) and runs one unit of work on it at a time, so the catalog, the case
 * service and the audit log of one data directory share it. {@link #inTransaction} runs its work in a
 * {@code BEGIN IMMEDIATE} transaction: the write lock is taken up front, so a read followed by a write (the next
 * audit sequence number, the next case item position) cannot interleave with another writer, in this process or
 * another (the command line and the desktop may use one data directory at the same time).
 *
 * <p>{@link #open(Path)} brings every table to the current schema ({@link CatalogSchema}) before handing it out.
 * Rows are mapped by column name with Jdbi {@code RowMapper}s kept beside the SQL that reads them.
 */
public final class CatalogDatabase implements AutoCloseable {
    private final Path file;
    private final Connection connection;
    private final Jdbi jdbi;

    private CatalogDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.jdbi = Jdbi.create(connection);
    }

    /**
     * Opens the catalog file, creating it when missing and migrating every table to the current schema.
     *
     * @throws CatalogException when the file cannot be opened, is not a catalog or was written by a newer Sightline
     */
    public static CatalogDatabase open(Path file) {
        Path absolute = file.toAbsolutePath();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        Connection connection;
        try {
            connection = config.createConnection("jdbc:sqlite:" + absolute);
        } catch (SQLException e) {
            throw new CatalogException("cannot open the catalog " + absolute + ": " + e.getMessage(), e);
        }
        CatalogDatabase db = new CatalogDatabase(absolute, connection);
        try {
            db.inTransaction(CatalogSchema::migrate);
        } catch (RuntimeException e) {
            db.close();
            throw new CatalogException("cannot open the catalog " + absolute + ": " + message(e), e);
        }
        return db;
    }

    public Path file() {
        return file;
    }

    /** Runs work on the connection without a transaction (each statement commits by itself). */
    public synchronized <T, X extends Exception> T withHandle(HandleCallback<T, X> work) throws X {
        return jdbi.withHandle(work);
    }

    /** Runs work in one {@code BEGIN IMMEDIATE} transaction: all of it commits, or none of it when it throws. */
    public synchronized <T, X extends Exception> T inTransaction(HandleCallback<T, X> work) throws X {
        Objects.requireNonNull(work);
        return jdbi.withHandle(h -> inImmediateTransaction(h, work));
    }

    private static <T, X extends Exception> T inImmediateTransaction(Handle h, HandleCallback<T, X> work) throws X {
        h.execute("BEGIN IMMEDIATE");
        boolean committed = false;
        try {
            T result = work.withHandle(h);
            h.execute("COMMIT");
            committed = true;
            return result;
        } finally {
            if (!committed) {
                rollback(h);
            }
        }
    }

    private static void rollback(Handle h) {
        try {
            h.execute("ROLLBACK");
        } catch (RuntimeException ignored) {
            // the failure that stopped the work is the one worth reporting
        }
    }

    /**
     * SQLite's {@code PRAGMA data_version} of this connection: it changes when another connection (another process)
     * commits to the file; this connection's own commits leave it unchanged.
     */
    public long dataVersion() {
        return withHandle(h -> h.createQuery("PRAGMA data_version").mapTo(Long.class).one());
    }

    /** The message of a database failure without the wrapping exceptions' class names. */
    public static String message(RuntimeException e) {
        return e instanceof JdbiException && e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    }

    /** Closes the connection; the catalog, cases and audit log on it can no longer be used. */
    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new CatalogException("cannot close the catalog " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "catalog " + file;
    }
}
