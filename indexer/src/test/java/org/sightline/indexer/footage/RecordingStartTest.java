package org.sightline.indexer.footage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordingStartTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "20240131_235959.mp4", "20240131-235959.avi", "20240131235959.dav", "ch01_20240131235959.mp4",
        "ch01_20240131235959_20240201000000.mp4", "2024-01-31T23-59-59.mkv", "2024-01-31 23.59.59.mp4",
        "2024-01-31_23-59-59.mov", "2024-01-31T23:59:59.ts", "VID_20240131_235959.mp4", "PXL_20240131_235959123.mp4",
        "cam 3 2024.01.31 23h59m59s.avi", "NVR_ch2_main_20240131235959_20240131240000.h264"})
    void readsCommonRecorderFileNames(String name) {
        assertEquals(LocalDateTime.of(2024, 1, 31, 23, 59, 59), RecordingStart.fromFileName(name).orElseThrow(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"parking-aisle-cars.mp4", "2024-01-31.mp4", "cam12345678901234.mp4", "20241399_235959.mp4",
        "20240131_256000.mp4", "19000131_235959.mp4"})
    void ignoresNamesWithoutAValidDateTime(String name) {
        assertTrue(RecordingStart.fromFileName(name).isEmpty(), name);
    }

    @ParameterizedTest
    @CsvSource({
        "2017-09-26T16:57:49.000000Z, 2017-09-26T16:57:49Z",
        "2019-05-01T10:11:12+0200,    2019-05-01T08:11:12Z",
        "2019-05-01T10:11:12+02:00,   2019-05-01T08:11:12Z",
        "2019-05-01 10:11:12,         2019-05-01T10:11:12Z",
    })
    void readsMetadataCreationTimes(String value, String expected) {
        assertEquals(Instant.parse(expected), RecordingStart.fromMetadata(value).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00.000000Z", "1904-01-01T00:00:00Z", "yesterday", ""})
    void ignoresUnsetCameraClocksAndGarbage(String value) {
        assertTrue(RecordingStart.fromMetadata(value).isEmpty(), value);
    }
}
