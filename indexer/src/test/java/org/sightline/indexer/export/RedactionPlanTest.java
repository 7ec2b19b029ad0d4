package org.sightline.indexer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan file a reviewer edits, and the words the redaction options are given in. */
class RedactionPlanTest {
    @TempDir
    Path tmp;

    private static RedactionPlan plan() {
        PlannedBox person = new PlannedBox(0.4, 0.1, 0.3, 0.8, PlannedBox.Source.DETECTOR, "person");
        PlannedBox corner = new PlannedBox(-0.05, 0.0, 0.2, 0.2, PlannedBox.Source.MANUAL, "region");
        return new RedactionPlan(RedactionPlan.FORMAT, "OP-1", 1, 7, "ab".repeat(32), "a.mp4", 8.0, 8.3, "blur",
                List.of("people", "regions"), List.of("0,0,0.2,0.2"), List.of("pack 1.0"), List.of(),
                List.of(new RedactionPlan.Span(7.95, 8.05, List.of(person, corner)),
                        new RedactionPlan.Span(8.05, 8.15, List.of(person)),
                        new RedactionPlan.Span(8.15, 8.25, List.of())));
    }

    @Test
    void aPlanRoundTripsThroughItsFileAndAnswersByTime() throws Exception {
        RedactionPlan p = plan();
        Path file = tmp.resolve(RedactionPlan.fileName(1));
        p.write(file);
        assertTrue(Files.readString(file).contains("\"source\" : \"DETECTOR\""));
        RedactionPlan back = RedactionPlan.read(file);
        assertEquals(p, back);
        assertEquals(2, back.boxesAt(8.0).size());
        assertEquals(1, back.boxesAt(8.05).size(), "spans are [from, to)");
        assertEquals(List.of(), back.boxesAt(8.2));
        assertEquals(List.of(), back.boxesAt(9.0), "no span, no boxes");
        assertEquals(3, back.boxCount());
        PlannedBox corner = back.boxesAt(8.0).get(1);
        assertEquals(0.0, corner.x(), 1e-9, "a box reaching out of the picture is cut at its edge");
        assertEquals(0.15, corner.width(), 1e-9);
        assertEquals(Redaction.Method.BLUR, back.redactionMethod());
    }

    @Test
    void aBrokenPlanIsRefusedNamingTheFile() throws Exception {
        Path file = tmp.resolve("item01.plan.json");
        Files.writeString(file, "{\"format\":\"something-else/9\",\"sourceSha256\":\"x\"}");
        IOException e = assertThrows(IOException.class, () -> RedactionPlan.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("something-else/9"), e.getMessage());
        Files.writeString(file, "{\"format\":\"" + RedactionPlan.FORMAT + "\",\"sourceSha256\":\"x\",\"method\":\"smudge\"}");
        IOException badMethod = assertThrows(IOException.class, () -> RedactionPlan.read(file));
        assertTrue(badMethod.getMessage().contains(file.toString()) && badMethod.getMessage().contains("smudge"),
                badMethod.getMessage());
        // a box a reviewer adds by hand needs only where it is
        Files.writeString(file, "{\"format\":\"" + RedactionPlan.FORMAT + "\",\"sourceSha256\":\"x\",\"method\":\"block\","
                + "\"spans\":[{\"from\":0,\"to\":1,\"boxes\":[{\"x\":0.1,\"y\":0.1,\"width\":0.1,\"height\":0.1}]}]}");
        PlannedBox added = RedactionPlan.read(file).boxesAt(0.5).getFirst();
        assertEquals(PlannedBox.Source.MANUAL, added.source());
    }

    @Test
    void optionsAreReadInPlainWords() {
        assertEquals(Set.of(RedactTarget.PEOPLE, RedactTarget.PLATES), RedactTarget.parseList(" people, plates"));
        assertEquals(List.of("people", "plates"), RedactTarget.codes(RedactTarget.parseList("plates,people")));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> RedactTarget.parseList("people,cats"));
        assertTrue(bad.getMessage().contains("\"cats\""), bad.getMessage());
        TrackedBoxRequest t = TrackedBoxRequest.parse("2:1.5,0.4,0.3,0.1,0.2");
        assertEquals(2, t.item());
        assertEquals(1.5, t.atClipSeconds());
        assertEquals(new RedactionRegion(0.4, 0.3, 0.1, 0.2), t.box());
        assertNull(TrackedBoxRequest.parse("0,0.1,0.1,0.1,0.1").item(), "no item: every item");
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> TrackedBoxRequest.parse("1.5,0.4,0.3"));
        assertTrue(wrong.getMessage().contains("[ITEM:]t,x,y,w,h"), wrong.getMessage());
    }
}
