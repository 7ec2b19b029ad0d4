package org.sightline.desktop.viewer;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the desktop writes offsets and wall-clock times. */
public final class Timecodes {
    private static final DateTimeFormatter WALL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS z", Locale.ROOT).withZone(ZoneId.systemDefault());

    private Timecodes() {
    }

    /** {@code m:ss.SSS} or {@code h:mm:ss.SSS}. */
    public static String offset(double seconds) {
        long ms = Math.round(Math.max(0, seconds) * 1000);
        long h = ms / 3_600_000;
        long m = ms / 60_000 % 60;
        long s = ms / 1000 % 60;
        long milli = ms % 1000;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d.%03d", h, m, s, milli)
                : String.format(Locale.ROOT, "%d:%02d.%03d", m, s, milli);
    }

    /**
     * Reads an offset typed by a user: seconds ({@code 15.5}), {@code m:ss[.SSS]} or {@code h:mm:ss[.SSS]}.
     *
     * @throws IllegalArgumentException in words, when the text is not an offset
     */
    public static double parseOffset(String text) {
        String t = text == null ? "" : text.strip();
        if (t.matches("\\d+(\\.\\d+)?")) {
            return Double.parseDouble(t);
        }
        if (t.matches("\\d+:\\d{1,2}(\\.\\d+)?") || t.matches("\\d+:\\d{1,2}:\\d{1,2}(\\.\\d+)?")) {
            String[] parts = t.split(":");
            double seconds = 0;
            for (String part : parts) {
                seconds = seconds * 60 + Double.parseDouble(part);
            }
            return seconds;
        }
        throw new IllegalArgumentException("'" + t + "' is not a time in the file: write seconds (15.5) or m:ss.SSS (0:15.500)");
    }

    /** Short offset for cards: {@code m:ss}. */
    public static String shortOffset(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static final DateTimeFormatter WALL_SECONDS_ZONE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT).withZone(ZoneId.systemDefault());

    /** Local wall-clock time to the second, with the zone's name (cards). */
    public static String wallClockSeconds(Instant t) {
        return WALL_SECONDS_ZONE.format(t);
    }

    /** Local wall-clock time with milliseconds and the zone's name. */
    public static String wallClock(Instant t) {
        return WALL.format(t);
    }
}
