package org.sightline.indexer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code perception.look-closer} and {@code perception.follow-motion}: on unless set off, each on its own. */
class PerceptionSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void onUnlessSetOffEachOnItsOwn() throws Exception {
        DataDirectory dir = new DataDirectory(tmp.resolve("data"));
        assertTrue(DataDirectorySettings.lookCloser(dir) && DataDirectorySettings.followMotion(dir));
        DataDirectorySettings.set(dir, DataDirectorySettings.LOOK_CLOSER, "off");
        assertFalse(DataDirectorySettings.lookCloser(dir));
        assertTrue(DataDirectorySettings.followMotion(dir));
        assertEquals("off", DataDirectorySettings.get(dir, DataDirectorySettings.LOOK_CLOSER));
        DataDirectorySettings.set(dir, DataDirectorySettings.TIME_ZONE, "Europe/London");
        assertFalse(DataDirectorySettings.lookCloser(dir), "another setting keeps it");
        DataDirectorySettings.set(dir, DataDirectorySettings.FOLLOW_MOTION, "OFF");
        DataDirectorySettings.set(dir, DataDirectorySettings.LOOK_CLOSER, "on");
        assertEquals("on", DataDirectorySettings.get(dir, DataDirectorySettings.LOOK_CLOSER));
        assertEquals("off", DataDirectorySettings.get(dir, DataDirectorySettings.FOLLOW_MOTION));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataDirectorySettings.set(dir, DataDirectorySettings.LOOK_CLOSER, "maybe"));
        assertEquals("perception.look-closer is on or off, not \"maybe\"", e.getMessage());
    }
}
