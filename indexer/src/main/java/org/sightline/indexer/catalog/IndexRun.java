package org.sightline.indexer.catalog;

import java.time.Instant;

/**
 * An index run as the catalog keeps it.
 *
 * @param finished null while running (or when a killed process never finished it)
 * @param status   {@code running} or a {@link RunStatus#dbValue()}
 */
public record IndexRun(long id, Instant started, Instant finished, String status, int filesTotal, int filesFailed) {
}
