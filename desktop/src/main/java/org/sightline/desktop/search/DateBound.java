package org.sightline.desktop.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One end of the Search page's date range as typed: an ISO date ({@code 2018-01-01}) or date and time
 * ({@code 2018-01-01T22:00}, a space instead of the {@code T} too, seconds optional).
 *
 * @param date the day
 * @param time the time of day, or null when only a day was typed
 */
public record DateBound(LocalDate date, LocalTime time) {

    /**
     * Reads what was typed; blank is no bound (empty).
     *
     * @throws IllegalArgumentException with a plain message naming the text and the expected form
     */
    public static Optional<DateBound> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        try {
            if (s.length() > 10 && (s.charAt(10) == 'T' || s.charAt(10) == 't' || s.charAt(10) == ' ')) {
                LocalDateTime at = LocalDateTime.parse(s.substring(0, 10) + "T" + s.substring(11).strip());
                return Optional.of(new DateBound(at.toLocalDate(), at.toLocalTime()));
            }
            return Optional.of(new DateBound(LocalDate.parse(s), null));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + s + "' is not a date: type it as 2018-01-31 or 2018-01-31T22:00.");
        }
    }

    /** The first moment this bound lets in, as the start of a range: its time, or the day's start. */
    public Instant startIn(ZoneId zone) {
        return date.atTime(time == null ? LocalTime.MIDNIGHT : time).atZone(zone).toInstant();
    }

    /** The first moment past this bound, as the end of a range: its time, or the start of the next day. */
    public Instant endIn(ZoneId zone) {
        return time == null ? date.plusDays(1).atStartOfDay(zone).toInstant() : date.atTime(time).atZone(zone).toInstant();
    }
}
