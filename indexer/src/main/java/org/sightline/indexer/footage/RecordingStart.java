package org.sightline.indexer.footage;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds when a recording started: from container metadata ({@code creation_time}) or from a date-time written
 * into the file name by a camera or DVR. Never from the file's modification time, which copying changes.
 */
public final class RecordingStart {
    /**
     * A date and a time of day in a file name: {@code 20240131_235959}, {@code 20240131235959},
     * {@code 2024-01-31T23-59-59}, {@code 2024-01-31 23.59.59}, {@code 2024-01-31_23:59:59},
     * {@code ch01_20240131235959_20240201000000} (the first is the start), {@code VID_20240131_235959}, with optional
     * milliseconds. Date parts are year-month-day; the digits around must not continue the number.
     */
    private static final Pattern FILE_NAME_DATE_TIME = Pattern.compile(
            "(?<!\\d)(\\d{4})([-_.]?)(\\d{2})\\2(\\d{2})[T _\\-.]?(\\d{2})([-_.:h]?)(\\d{2})[-_.:m]?(\\d{2})s?(?:[._]?\\d{3})?(?!\\d)");

    /** Metadata values written by cameras without a set clock: 1904 (QuickTime epoch) and 1970 (Unix epoch). */
    private static final int EARLIEST_PLAUSIBLE_YEAR = 1980;
    private static final int LATEST_PLAUSIBLE_YEAR = 2200;

    private static final DateTimeFormatter METADATA_LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private RecordingStart() {
    }

    /**
     * Parses a metadata date-time such as {@code 2017-09-26T16:57:49.000000Z}, {@code 2019-05-01T10:11:12+0200}
     * or {@code 2019-05-01 10:11:12} (no zone: UTC, as MP4 {@code creation_time} is defined). Implausible values
     * (before 1980, the 1904/1970 epochs of cameras whose clock was never set) count as absent.
     */
    public static Optional<Instant> fromMetadata(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        Instant instant = null;
        try {
            instant = OffsetDateTime.parse(v.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                instant = LocalDateTime.parse(v.endsWith("Z") ? v.substring(0, v.length() - 1) : v, METADATA_LOCAL)
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return Optional.empty();
            }
        }
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        return year < EARLIEST_PLAUSIBLE_YEAR || year > LATEST_PLAUSIBLE_YEAR ? Optional.empty() : Optional.of(instant);
    }

    /**
     * The first valid date-time in a file name, as the wall-clock time of the recorder (no zone: DVRs write local
     * time). Only the name is looked at, not the folders above it.
     */
    public static Optional<LocalDateTime> fromFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        Matcher m = FILE_NAME_DATE_TIME.matcher(fileName);
        while (m.find()) {
            try {
                int year = Integer.parseInt(m.group(1));
                if (year < EARLIEST_PLAUSIBLE_YEAR || year > LATEST_PLAUSIBLE_YEAR) {
                    continue;
                }
                return Optional.of(LocalDateTime.of(year, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                        Integer.parseInt(m.group(5)), Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8))));
            } catch (DateTimeException invalid) {
                // 20241399_... is not a date; look for another candidate further on
            }
        }
        return Optional.empty();
    }
}
