package org.sightline.indexer.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.audit.AuditVerifier;
import org.sightline.indexer.catalog.CatalogDatabase;
import org.sightline.models.testing.SharedData;

class CaseServiceTest {
    @TempDir
    Path tmp;

    Path aisle;
    CatalogDatabase db;
    CaseService cases;

    @BeforeEach
    void setUp() {
        aisle = SharedData.footage("parking-aisle-cars.mp4");
        db = CatalogDatabase.open(tmp.resolve("catalog.sqlite"));
        cases = new CaseService(db, new AuditLog(db));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void createsRenamesClosesAndResolvesCases() {
        Case a = cases.create("Aisle", "", "", "");
        assertEquals("CASE-" + a.id(), a.reference());
        assertEquals(System.getProperty("user.name"), a.examiner());
        Case b = cases.create("Gate", "REF-9", "Ann", "gate at night");
        assertEquals(b, cases.resolve("REF-9"));
        assertEquals(a, cases.resolve(String.valueOf(a.id())));
        assertEquals(b.id(), cases.resolve("Gate").id());
        assertThrows(CaseException.class, () -> cases.create("Dup", "REF-9", null, null));
        assertThrows(CaseException.class, () -> cases.resolve("nothing"));
        assertEquals("Gate west", cases.rename(b.id(), "Gate west").name());
        assertEquals(CaseStatus.CLOSED, cases.close(b.id()).status());
        CaseException closed = assertThrows(CaseException.class, () -> cases.addItem(b.id(), ItemDraft.span(aisle, 1, 2)));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        assertEquals(CaseStatus.OPEN, cases.reopen(b.id()).status());
        assertEquals(List.of(b.id(), a.id()), cases.list().stream().map(Case::id).toList());
    }

    @Test
    void addsItemsWithPaddedClampedSpansAndEditsThem() {
        Case c = cases.create("Aisle", "A-1", null, null);
        CaseItem first = cases.addItem(c.id(), ItemDraft.hit(aisle, 1.0, 2.0));
        assertEquals(0.0, first.inSeconds(), "clamped at the start");
        assertEquals(5.0, first.outSeconds(), 1e-9);
        assertEquals(1.5, first.hitSeconds(), 1e-9);
        assertEquals(64, first.videoSha256().length());
        CaseItem last = cases.addItem(c.id(), ItemDraft.hit(aisle, 28.0, 29.5));
        assertEquals(25.0, last.inSeconds(), 1e-9);
        assertTrue(last.outSeconds() <= 30.2 && last.outSeconds() < 32.5, "clamped at the end: " + last.outSeconds());
        CaseItem mid = cases.addItem(c.id(), ItemDraft.span(aisle, 15, 18).withNote("red car")
                .withFoundBy(FoundBy.prompt("a red car", 0.3f, "m@1#abc", "g1")));
        assertEquals(3, mid.position());
        assertEquals("a red car", mid.foundBy().query());
        assertEquals(0.3f, mid.foundBy().score());

        CaseException outside = assertThrows(CaseException.class, () -> cases.addItem(c.id(), ItemDraft.span(aisle, 40, 44)));
        assertTrue(outside.getMessage().contains("outside parking-aisle-cars.mp4"), outside.getMessage());

        assertEquals("note", cases.setNote(first.id(), "note").note());
        assertEquals(List.of("car", "white"), cases.setTags(first.id(), List.of("car", " white ", "car")).tags());
        assertEquals(2.0, cases.setSpan(first.id(), 2.0, 6.0).inSeconds(), 1e-9);
        assertEquals(List.of(mid.id(), first.id(), last.id()),
                cases.moveItem(mid.id(), 1).stream().map(CaseItem::id).toList());
        cases.removeItem(first.id());
        List<CaseItem> items = cases.items(c.id());
        assertEquals(List.of(mid.id(), last.id()), items.stream().map(CaseItem::id).toList());
        assertEquals(List.of(1, 2), items.stream().map(CaseItem::position).toList());
        assertEquals(List.of(aisle.toAbsolutePath()), cases.recordedPathsFor(mid.videoSha256()));

        List<String> ops = cases.auditLog().entriesForCase(c.id()).stream().map(e -> e.details().replaceAll(".*\"op\":\"([a-z-]+)\".*", "$1")).toList();
        assertEquals(List.of("create", "add-item", "add-item", "add-item", "note", "tags", "span", "move-item", "remove-item"), ops);
        assertTrue(new AuditVerifier(db).verify().intact());
    }
}
