package org.sightline.models.perception.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sightline.models.perception.text.BurnedInClockParser.ClockReading;
import org.sightline.models.perception.text.BurnedInClockParser.DateOrder;

class BurnedInClockParserTest {
    private static final LocalDateTime T = LocalDateTime.of(2024, 3, 18, 14, 22, 5);
    private final BurnedInClockParser parser = new BurnedInClockParser();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-03-18 14:22:05         | yyyy-MM-dd HH:mm:ss",
            "2024/03/18 14:22:05         | yyyy/MM/dd HH:mm:ss",
            "2024.03.18 14:22:05         | yyyy.MM.dd HH:mm:ss",
            "18/03/2024 14:22:05         | dd/MM/yyyy HH:mm:ss",
            "18.03.2024 14:22:05         | dd.MM.yyyy HH:mm:ss",
            "18-03-2024 14:22:05         | dd-MM-yyyy HH:mm:ss",
            "03-18-2024 02:22:05 PM      | MM-dd-yyyy hh:mm:ss a",
            "03/18/2024 2:22:05 p.m.     | MM/dd/yyyy hh:mm:ss a",
            "Mon 18/03/2024 14:22:05     | EEE dd/MM/yyyy HH:mm:ss",
            "2024-03-18 MONDAY 14:22:05  | EEE yyyy-MM-dd HH:mm:ss",
            "03-18-2024 Mon 02:22:05 PM  | EEE MM-dd-yyyy hh:mm:ss a",
            "18 Mar 2024 14:22:05        | dd MMM yyyy HH:mm:ss",
            "March 18, 2024 14:22:05     | MMM dd yyyy HH:mm:ss",
            "2024年03月18日 星期一 14:22:05 | EEE yyyy年MM月dd日 HH:mm:ss",
            "2024年03月18日 下午 02:22:05   | yyyy年MM月dd日 hh:mm:ss a",
    })
    void parsesCommonRecorderFormats(String text, String format) {
        ClockReading r = parser.parse(text).orElseThrow(() -> new AssertionError("no reading for " + text));
        assertEquals(T, r.time(), text);
        assertEquals(format, r.format(), text);
        assertFalse(r.orderAssumed(), text);
    }

    @Test
    void toleratesWhatTheReaderLoses() {
        assertEquals(T, parser.parse("2024-03-1814:22:05").orElseThrow().time(), "space lost between date and time");
        assertEquals(T, parser.parse("18/03/202414:22:05").orElseThrow().time());
        assertEquals(T, parser.parse("２０２４-０３-１８　１４:２２:０５").orElseThrow().time(), "full-width digits");
        assertEquals(T, parser.parse("2O24-03-18 14:22:O5").orElseThrow().time(), "O read for 0");
        assertEquals(T, parser.parse("2024-03-l8 14:22:05").orElseThrow().time(), "l read for 1");
        assertEquals(T, parser.parse(List.of("2024-03-18", "14:22:05")).orElseThrow().time(), "date and time on separate lines");
        assertEquals(T, parser.parse("CAM 3  2024-03-18 14:22:05.120").orElseThrow().time(), "camera label and milliseconds");
    }

    @Test
    void twoDigitYearsAsOnLowResolutionRecorders() {
        // the on-screen clock of ../shared/footage/motorway-cctv-cyclist.avi, as the starter text pack reads it
        ClockReading r = parser.parse("17/09/0712:04:28").orElseThrow();
        assertEquals(LocalDateTime.of(2007, 9, 17, 12, 4, 28), r.time());
        assertEquals("dd/MM/yy HH:mm:ss", r.format());
        assertEquals(LocalDateTime.of(1999, 12, 31, 23, 59, 59), parser.parse("12-31-99 23:59:59").orElseThrow().time());
    }

    @Test
    void minutesWithoutSecondsAndMidnightInTwelveHourTime() {
        ClockReading r = parser.parse("2024-03-18 14:22").orElseThrow();
        assertEquals(LocalDateTime.of(2024, 3, 18, 14, 22), r.time());
        assertEquals("yyyy-MM-dd HH:mm", r.format());
        assertEquals(LocalDateTime.of(2024, 3, 18, 0, 5, 0), parser.parse("03/18/2024 12:05:00 AM").orElseThrow().time());
        assertEquals(LocalDateTime.of(2024, 3, 18, 12, 5, 0), parser.parse("03/18/2024 12:05:00 PM").orElseThrow().time());
    }

    @Test
    void ambiguousDayAndMonthFollowTheSettingUnlessTheWeekdayDecides() {
        ClockReading dayFirst = parser.parse("03/04/2024 10:00:00").orElseThrow();
        assertEquals(LocalDateTime.of(2024, 4, 3, 10, 0), dayFirst.time());
        assertTrue(dayFirst.orderAssumed());
        ClockReading monthFirst = new BurnedInClockParser(DateOrder.MONTH_DAY_YEAR).parse("03/04/2024 10:00:00").orElseThrow();
        assertEquals(LocalDateTime.of(2024, 3, 4, 10, 0), monthFirst.time());
        assertTrue(monthFirst.orderAssumed());
        // 4 March 2024 was a Monday, 3 April 2024 a Wednesday
        ClockReading byWeekday = parser.parse("MON 03/04/2024 10:00:00").orElseThrow();
        assertEquals(LocalDateTime.of(2024, 3, 4, 10, 0), byWeekday.time());
        assertFalse(byWeekday.orderAssumed());
        assertEquals(DayOfWeek.MONDAY, byWeekday.weekday());
        assertEquals(DateOrder.MONTH_DAY_YEAR, byWeekday.order());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "BAKERY",
            "KX19 ABC",
            "2024-03-18",
            "14:22:05",
            "2024-02-30 14:22:05",
            "2024-03-18 25:22:05",
            "2024-03-18 14:61:05",
            "13/13/2024 14:22:05",
            "03/18/2024 13:22:05 PM",
            "1815-03-18 14:22:05",
            "TUE 2024-03-18 14:22:05",
    })
    void givesNoReadingForTextThatIsNotAValidClock(String text) {
        assertEquals(java.util.Optional.empty(), parser.parse(text), text);
    }
}
