package org.sightline.models.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sightline.models.perception.StarterPackShelf;
import org.sightline.models.perception.StarterPacks;
import org.sightline.models.perception.TextStarterPack;
import org.sightline.models.perception.VerifiedPerceptionPack;

/**
 * The starter perception packs the build made ({@code models/target/starter-packs}, named by the system property
 * {@value StarterPacks#LOCATION_PROPERTY} that surefire sets). Tests that need them fail loudly when they are missing.
 */
public final class StarterPackFixture {
    private StarterPackFixture() {
    }

    public static Path location() {
        String p = System.getProperty(StarterPacks.LOCATION_PROPERTY);
        if (p == null || !Files.isDirectory(Path.of(p))) {
            return fail("the starter packs were not built (system property " + StarterPacks.LOCATION_PROPERTY + " = " + p
                    + "): run the models build through process-classes first, e.g. ./mvnw -pl models verify");
        }
        return Path.of(p);
    }

    public static StarterPackShelf shelf() {
        return new StarterPackShelf(location());
    }

    public static VerifiedPerceptionPack textPack() {
        return shelf().verify(TextStarterPack.NAME);
    }
}
