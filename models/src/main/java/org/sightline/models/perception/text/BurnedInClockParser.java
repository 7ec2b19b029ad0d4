package org.sightline.models.perception.text;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date and time a recorder burns into its video ("on-screen display") from the text read in that corner.
 * Understands the common CCTV formats: year first ({@code 2024-03-18 14:22:05}, {@code 2024/03/18},
 * {@code 2024年03月18日}), day first ({@code 18/03/2024}, {@code 18.03.2024}), month first
 * ({@code 03-18-2024 02:22:05 PM}), two-digit years ({@code 17/09/07 12:04:28}, read as 1990..2089), month names ({@code 18 Mar 2024}, {@code Mar 18, 2024}), 12- and 24-hour time
 * with or without seconds, and weekday words ({@code Mon}, {@code MONDAY}, {@code 星期一}) anywhere. Full-width
 * characters are folded, spaces lost by the reader are tolerated ({@code 2024-03-1814:22:05}), and an O or l next to
 * digits is read as 0 or 1 when the text does not parse otherwise.
 *
 * <p>When day and month could be either way round ({@code 03/04/2024}), a weekday shown on screen decides; otherwise
 * the order given to the constructor is assumed and the reading says so. A weekday that contradicts the date, an
 * impossible date or time, or a year outside 1990..2100 gives no reading: a misread clock must not become a time.
 *
 * <p>Pure and thread-safe (immutable).
 */
public final class BurnedInClockParser {

    /** Order of the date's fields. */
    public enum DateOrder {
        YEAR_MONTH_DAY("yyyy", "MM", "dd"),
        DAY_MONTH_YEAR("dd", "MM", "yyyy"),
        MONTH_DAY_YEAR("MM", "dd", "yyyy");

        private final String[] fields;

        DateOrder(String... fields) {
            this.fields = fields;
        }
    }

    /**
     * A parsed clock.
     *
     * @param time         the wall-clock date and time shown
     * @param format       the format recognised, as a {@link java.time.format.DateTimeFormatter} style pattern
     *                     (e.g. {@code MM-dd-yyyy hh:mm:ss a}, {@code EEE dd/MM/yyyy HH:mm:ss})
     * @param order        the date order used
     * @param orderAssumed true when day and month could be either way round and nothing on screen decided it
     * @param weekday      the weekday shown, or null
     */
    public record ClockReading(LocalDateTime time, String format, DateOrder order, boolean orderAssumed, DayOfWeek weekday) {
    }

    private static final String MONTHS = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC";
    private static final Pattern YMD = Pattern.compile(
            "(?<![\\dA-Z])(\\d{4}) ?([-/.年]) ?(\\d{1,2}) ?([-/.月]) ?(\\d{1,2})(日)?");
    private static final Pattern NUMERIC_DMY_OR_MDY = Pattern.compile(
            "(?<![\\dA-Z])(\\d{1,2}) ?([-/.]) ?(\\d{1,2}) ?\\2 ?(\\d{4})");
    private static final Pattern NUMERIC_SHORT_YEAR = Pattern.compile(
            "(?<![\\dA-Z])(\\d{1,2}) ?([-/.]) ?(\\d{1,2}) ?\\2 ?(\\d{2})");
    private static final Pattern DAY_MONTH_NAME = Pattern.compile(
            "(?<!\\d)(\\d{1,2}) ?[-/. ]? ?(" + MONTHS + ")[A-Z]*\\.? ?[-/., ]? ?(\\d{4})");
    private static final Pattern MONTH_NAME_DAY = Pattern.compile(
            "(?<![A-Z])(" + MONTHS + ")[A-Z]*\\.? ?[-/. ]? ?(\\d{1,2})(?:ST|ND|RD|TH)? ?[-/., ]? ?(\\d{4})");
    private static final Pattern TIME = Pattern.compile(
            "(?<!\\d)(\\d{1,2}) ?: ?(\\d{2})(?: ?: ?(\\d{2}))?(?:[.,]\\d{1,3})? ?(AM|PM|A\\.M\\.|P\\.M\\.|上午|下午)?");
    private static final Pattern CHINESE_HALF_DAY = Pattern.compile("(上午|下午)");
    private static final Pattern WEEKDAY = Pattern.compile(
            "(?<![A-Z])(MON|TUE|WED|THU|FRI|SAT|SUN)(?:DAY|S|SDAY|NESDAY|R|RS|RSDAY|URDAY)?\\.?(?![A-Z])"
            + "|(?:星期|周)([一二三四五六日天])");
    private static final Pattern O_NEAR_DIGIT = Pattern.compile("(?<=[\\d:/.-])O|O(?=[\\d:/.-])");
    private static final Pattern L_NEAR_DIGIT = Pattern.compile("(?<=[\\d:/.-])[LI|]|[LI|](?=[\\d:/.-])");
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("MON", DayOfWeek.MONDAY), Map.entry("TUE", DayOfWeek.TUESDAY), Map.entry("WED", DayOfWeek.WEDNESDAY),
            Map.entry("THU", DayOfWeek.THURSDAY), Map.entry("FRI", DayOfWeek.FRIDAY), Map.entry("SAT", DayOfWeek.SATURDAY),
            Map.entry("SUN", DayOfWeek.SUNDAY), Map.entry("一", DayOfWeek.MONDAY), Map.entry("二", DayOfWeek.TUESDAY),
            Map.entry("三", DayOfWeek.WEDNESDAY), Map.entry("四", DayOfWeek.THURSDAY), Map.entry("五", DayOfWeek.FRIDAY),
            Map.entry("六", DayOfWeek.SATURDAY), Map.entry("日", DayOfWeek.SUNDAY), Map.entry("天", DayOfWeek.SUNDAY));

    private final DateOrder whenAmbiguous;

    /** @param whenAmbiguous order assumed for {@code 03/04/2024}-like dates: day first or month first */
    public BurnedInClockParser(DateOrder whenAmbiguous) {
        this.whenAmbiguous = Objects.requireNonNull(whenAmbiguous, "whenAmbiguous");
        if (whenAmbiguous == DateOrder.YEAR_MONTH_DAY) {
            throw new IllegalArgumentException("the ambiguous order is day first or month first, not year first");
        }
    }

    /** Day first when ambiguous (the common order outside North America). */
    public BurnedInClockParser() {
        this(DateOrder.DAY_MONTH_YEAR);
    }

    /** Parses the lines read in the clock's region, joined in reading order (date and time may be separate lines). */
    public Optional<ClockReading> parse(List<String> lines) {
        return parse(String.join(" ", lines));
    }

    /** Parses one string; empty when it holds no complete, valid date and time. */
    public Optional<ClockReading> parse(String text) {
        String s = normalise(text);
        Optional<ClockReading> reading = parseNormalised(s);
        if (reading.isEmpty()) {
            String fixed = L_NEAR_DIGIT.matcher(O_NEAR_DIGIT.matcher(s).replaceAll("0")).replaceAll("1");
            if (!fixed.equals(s)) {
                reading = parseNormalised(fixed);
            }
        }
        return reading;
    }

    private static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        return s.replaceAll("\\s+", " ").strip();
    }

    private Optional<ClockReading> parseNormalised(String s) {
        DayOfWeek weekday = null;
        Matcher wd = WEEKDAY.matcher(s);
        if (wd.find()) {
            weekday = WEEKDAYS.get(wd.group(1) != null ? wd.group(1) : wd.group(2));
            s = s.substring(0, wd.start()) + " " + s.substring(wd.end());
        }
        DateMatch date = findDate(s, weekday);
        if (date == null) {
            return Optional.empty();
        }
        String rest = s.substring(0, date.start) + " " + s.substring(date.end);
        Matcher t = TIME.matcher(rest);
        if (!t.find()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(t.group(1));
        int minute = Integer.parseInt(t.group(2));
        int second = t.group(3) == null ? 0 : Integer.parseInt(t.group(3));
        String halfDay = t.group(4);
        if (halfDay == null) {
            Matcher cn = CHINESE_HALF_DAY.matcher(rest);
            halfDay = cn.find() ? cn.group(1) : null;
        }
        boolean twelveHour = halfDay != null;
        if (twelveHour) {
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            boolean pm = halfDay.startsWith("P") || halfDay.equals("下午");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        LocalTime time;
        try {
            time = LocalTime.of(hour, minute, second);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        if (weekday != null && date.date.getDayOfWeek() != weekday) {
            return Optional.empty();
        }
        String timePattern = (twelveHour ? "hh" : "HH") + ":mm" + (t.group(3) != null ? ":ss" : "") + (twelveHour ? " a" : "");
        String format = (weekday != null ? "EEE " : "") + date.pattern + " " + timePattern;
        return Optional.of(new ClockReading(LocalDateTime.of(date.date, time), format, date.order, date.assumed, weekday));
    }

    private record DateMatch(LocalDate date, String pattern, DateOrder order, boolean assumed, int start, int end) {
    }

    private DateMatch findDate(String s, DayOfWeek weekday) {
        Matcher m = YMD.matcher(s);
        if (m.find()) {
            boolean chinese = m.group(2).equals("年");
            String pattern = chinese ? "yyyy年MM月dd日" : "yyyy" + m.group(2) + "MM" + m.group(4) + "dd";
            LocalDate d = date(m.group(1), m.group(3), m.group(5));
            return d == null ? null : new DateMatch(d, pattern, DateOrder.YEAR_MONTH_DAY, false, m.start(), m.end());
        }
        m = NUMERIC_DMY_OR_MDY.matcher(s);
        if (m.find()) {
            DateMatch d = dayOrMonthFirst(m, m.group(4), "yyyy", weekday);
            if (d != null) {
                return d;
            }
        }
        m = NUMERIC_SHORT_YEAR.matcher(s);
        if (m.find()) {
            int yy = Integer.parseInt(m.group(4));
            DateMatch d = dayOrMonthFirst(m, Integer.toString(yy >= 90 ? 1900 + yy : 2000 + yy), "yy", weekday);
            if (d != null) {
                return d;
            }
        }
        m = DAY_MONTH_NAME.matcher(s);
        if (m.find()) {
            LocalDate d = date(m.group(3), Integer.toString(month(m.group(2))), m.group(1));
            return d == null ? null : new DateMatch(d, "dd MMM yyyy", DateOrder.DAY_MONTH_YEAR, false, m.start(), m.end());
        }
        m = MONTH_NAME_DAY.matcher(s);
        if (m.find()) {
            LocalDate d = date(m.group(3), Integer.toString(month(m.group(1))), m.group(2));
            return d == null ? null : new DateMatch(d, "MMM dd yyyy", DateOrder.MONTH_DAY_YEAR, false, m.start(), m.end());
        }
        return null;
    }

    /** Day-first or month-first numeric date from groups 1 and 3 of {@code m} (separator group 2). */
    private DateMatch dayOrMonthFirst(Matcher m, String year, String yearPattern, DayOfWeek weekday) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        String sep = m.group(2);
        LocalDate dayFirst = date(year, m.group(3), m.group(1));
        LocalDate monthFirst = date(year, m.group(1), m.group(3));
        List<DateOrder> possible = new ArrayList<>();
        if (dayFirst != null) {
            possible.add(DateOrder.DAY_MONTH_YEAR);
        }
        if (monthFirst != null && a != b) {
            possible.add(DateOrder.MONTH_DAY_YEAR);
        }
        if (possible.isEmpty()) {
            return null;
        }
        boolean assumed = false;
        DateOrder order;
        if (possible.size() == 1) {
            order = possible.getFirst();
        } else if (weekday != null && dayFirst.getDayOfWeek() == weekday && monthFirst.getDayOfWeek() != weekday) {
            order = DateOrder.DAY_MONTH_YEAR;
        } else if (weekday != null && monthFirst.getDayOfWeek() == weekday && dayFirst.getDayOfWeek() != weekday) {
            order = DateOrder.MONTH_DAY_YEAR;
        } else {
            order = whenAmbiguous;
            assumed = true;
        }
        LocalDate d = order == DateOrder.DAY_MONTH_YEAR ? dayFirst : monthFirst;
        String pattern = String.join(sep, order.fields).replace("yyyy", yearPattern);
        return new DateMatch(d, pattern, order, assumed, m.start(), m.end());
    }

    private static int month(String name) {
        return MONTHS.indexOf(name) / 4 + 1;
    }

    private static LocalDate date(String year, String month, String day) {
        int y = Integer.parseInt(year);
        if (y < 1990 || y > 2100) {
            return null;
        }
        try {
            return LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
