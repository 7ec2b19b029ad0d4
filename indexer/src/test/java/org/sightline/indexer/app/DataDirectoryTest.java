package org.sightline.indexer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
    private final Path home = Path.of("/home/examiner");

    @Test
    void explicitDirectoryWins() {
        var env = Map.of("SIGHTLINE_HOME", "/srv/s", "XDG_DATA_HOME", "/x");
        assertEquals(Path.of("/case/data"), DataDirectory.resolve(Path.of("/case/data"), env, home).root());
    }

    @Test
    void sightlineHomeBeforeXdg() {
        var env = Map.of("SIGHTLINE_HOME", "/srv/s", "XDG_DATA_HOME", "/x");
        assertEquals(Path.of("/srv/s"), DataDirectory.resolve(null, env, home).root());
    }

    @Test
    void xdgDataHomeThenHome() {
        assertEquals(Path.of("/x/sightline"), DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/x"), home).root());
        assertEquals(Path.of("/home/examiner/.local/share/sightline"), DataDirectory.resolve(null, Map.of(), home).root());
    }
}
