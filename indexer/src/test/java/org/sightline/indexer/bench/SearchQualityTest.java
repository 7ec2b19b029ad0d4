package org.sightline.indexer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.testing.SharedData;

/** The labelled quality figures of {@code sightline bench quality}, with floors under the ones that matter. */
class SearchQualityTest {
    @TempDir
    Path work;

    @Test
    void labelledQueriesMeetTheirFloors() throws Exception {
        List<SearchQuality.Row> rows = SearchQuality.run(SharedData.root().resolve("footage"), work);
        rows.forEach(r -> System.out.println(r.describe()));
        Map<String, SearchQuality.Row> byName = rows.stream().collect(Collectors.toMap(SearchQuality.Row::name, Function.identity()));
        SearchQuality.Row entry = byName.get("motion: aisle entry");
        assertEquals(entry.spans(), entry.spansFound(), entry.describe());
        assertEquals(entry.strongOrPossible(), entry.relevantShown(), entry.describe());
        assertEquals(0, byName.get("motion: aisle empty tarmac").clips(), byName.get("motion: aisle empty tarmac").describe());
        assertEquals(0, byName.get("motion: aisle empty tarmac, sensitivity 0.8").clips());
        assertTrue(byName.get("motion: lot top right, sensitivity 0.8").spansInTop5() >= 2);
        SearchQuality.Row red = byName.get("red (red car)");
        assertEquals(1, red.spansInTop5(), red.describe());
        SearchQuality.Row white = byName.get("white (white cars)");
        assertTrue(white.spansInTop5() >= 2, white.describe());
        SearchQuality.Row plate = byName.get("text \"KX19 A8C\" (plate, one look-alike)");
        assertEquals(1, plate.spansFound(), plate.describe());
        assertEquals(plate.strongOrPossible(), plate.relevantShown(), plate.describe());
        assertEquals(0, byName.get("text \"PL55 QRT\" (not there)").clips());
        assertEquals(0, byName.get("person right to left").clips(), byName.get("person right to left").describe());
        SearchQuality.Row together = byName.get("two people together");
        assertEquals(1, together.spansFound(), together.describe());
        assertEquals(together.strongOrPossible(), together.relevantShown(), together.describe());
        SearchQuality.Row right = byName.get("person left to right");
        // 4 of 7 since frames are examined every 2 s while someone walks (2 of 7 at one every 6 s)
        assertTrue(right.spansFound() >= 4 && right.relevantShown() == right.strongOrPossible(), right.describe());
        for (String cyclists : List.of("bicycle (the lot's cyclists)", "bicycle left to right")) {
            SearchQuality.Row bicycle = byName.get(cyclists);
            assertEquals(2, bicycle.spansFound(), bicycle.describe());
            assertEquals(bicycle.strongOrPossible(), bicycle.relevantShown(), bicycle.describe());
        }
    }
}
