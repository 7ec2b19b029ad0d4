package org.sightline.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.desktop.cases.CaseFiles.BoxSource;
import org.sightline.desktop.cases.CaseFiles.Moment;
import org.sightline.desktop.cases.CaseFiles.ReviewBox;
import org.sightline.desktop.cases.CaseFiles.ReviewFrame;
import org.sightline.desktop.cases.CaseFiles.ReviewItem;
import org.sightline.desktop.cases.CasesView;
import org.sightline.desktop.cases.CasesViewModel;
import org.sightline.desktop.cases.ExportState;
import org.sightline.desktop.services.WorkspaceServices;
import org.sightline.desktop.shell.Page;
import org.sightline.desktop.shell.Workbench;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.export.ExportVerifier;
import org.sightline.indexer.export.PlannedBox;
import org.sightline.indexer.export.RedactionPlan;
import org.sightline.indexer.footage.FrameAt;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.testing.SharedData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A disclosure copy made in the window over the real case service, exporter and starter perception packs: a second of
 * {@code indoor-people-one-by-one.mp4} hiding people; in the review one person box is dropped (click, Delete) and a
 * box is drawn (drag); the reviewed copy is exported without its original, verifies, says "reviewed", leaves the
 * dropped region as it was and hides the drawn one. Work runs synchronously on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class DisclosureCopyTest {
    private static final Path INDOOR = SharedData.footage("indoor-people-one-by-one.mp4");

    @TempDir
    Path temp;

    private SynchronousTaskExecutor tasks;
    private Workbench workbench;
    private DataDirectory dir;

    @Start
    void start(Stage stage) throws Exception {
        tasks = new SynchronousTaskExecutor();
        dir = new DataDirectory(temp.resolve("data")).create();
        workbench = WorkbenchWindow.show(stage, dir, tasks, 1280, 800);
    }

    @AfterEach
    void stop() {
        workbench.close();
        tasks.close();
    }

    @Test
    void aReviewedDisclosureCopyHidesWhatWasKeptAndNotWhatWasDropped(FxRobot robot) throws Exception {
        String sha = Sha256.of(INDOOR);
        CasesViewModel cases = workbench.casesViewModel();
        robot.interact(() -> {
            workbench.mainViewModel().show(Page.CASES);
            cases.create("Reading room", "DC-1");
            cases.add(new Moment(INDOOR, null, "indoor", 8.0, 9.0, 8.5, null, "person reading", false, 0.3f, "demo"));
        });
        robot.interact(() -> cases.setSpan(cases.items().getFirst(), 8.0, 9.0));
        Path out = temp.resolve("disclosure");
        robot.interact(() -> robot.lookup("#cases-view").queryAs(CasesView.class).setFolderPicker(w -> out.toFile()));
        FxClicks.click(robot, "#export-disclosure");
        assertTrue(robot.lookup("#export-disclosure-choice").query().isVisible(), "what to hide is offered");
        FxClicks.click(robot, "#case-export");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ExportState.REVIEWING, cases.exportStateProperty().get(),
                robot.lookup("#export-message").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#redaction-review").query().isVisible(), "the review is shown");
        ReviewItem item = cases.reviewProperty().get().items().getFirst();
        assertEquals(4, item.frames().size());
        ReviewFrame frame = item.frames().get(1);
        ReviewBox dropped = frame.boxes().stream().filter(b -> b.label().equals("person")).findFirst()
                .orElseThrow(() -> new AssertionError("a person box in the review: " + frame.boxes()));
        int index = frame.boxes().indexOf(dropped);

        // drop the person's box: click it, Delete
        FxClicks.click(robot, robot.lookup("#review-box-1-1-" + index).<Node>query());
        robot.type(KeyCode.DELETE);
        ReviewFrame after = cases.reviewProperty().get().items().getFirst().frames().get(1);
        assertTrue(after.boxes().stream().noneMatch(b -> overlap(b, dropped) > 0.3 && b.label().equals("person")),
                "the person's box is gone from that frame: " + after.boxes());

        // draw a box in the top left corner of another frame
        Bounds tile = FxClicks.boundsOf(robot.lookup("#review-frame-1-2").query());
        robot.drag(tile.getMinX() + tile.getWidth() * 0.02, tile.getMinY() + tile.getHeight() * 0.04, MouseButton.PRIMARY)
                .dropTo(tile.getMinX() + tile.getWidth() * 0.2, tile.getMinY() + tile.getHeight() * 0.25);
        WaitForAsyncUtils.waitForFxEvents();
        ReviewBox drawn = cases.reviewProperty().get().items().getFirst().frames().getFirst().boxes().stream()
                .filter(b -> b.source() == BoxSource.MANUAL).findFirst()
                .orElseThrow(() -> new AssertionError("the drawn box is in every frame; " + cases.errorProperty().get()));
        assertTrue(drawn.width() > 0.1 && drawn.height() > 0.1, drawn.toString());

        FxClicks.click(robot, "#review-export");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("✔ verified", robot.lookup("#export-verdict").queryAs(Label.class).getText(),
                robot.lookup("#export-message").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#redaction-review").query().isVisible(), "back to the case");
        assertTrue(new ExportVerifier().verify(out).ok(), "the package checks out on its own too");
        assertFalse(Files.exists(out.resolve("originals")), "a disclosure copy without the original");

        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        JsonNode clipEntry = null;
        for (JsonNode f : manifest.get("files")) {
            if (f.path("role").asText().equals("clip")) {
                clipEntry = f;
            }
        }
        assertNotNull(clipEntry, manifest.toString());
        assertEquals("reviewed", clipEntry.get("redaction").get("review").asText());
        assertEquals(sha, clipEntry.get("derivedFrom").get("sourceSha256").asText());
        assertEquals(sha, Sha256.of(INDOOR), "the source is untouched");

        // the exported frame: the dropped region as in the original, the drawn one hidden
        RedactionPlan plan = RedactionPlan.read(out.resolve(clipEntry.get("redaction").get("plan").asText()));
        Path clip = out.resolve(clipEntry.get("path").asText());
        List<RedactionPlan.Span> spans = plan.spans();
        double firstFrame = 2 * spans.get(0).to() - (spans.get(1).from() + spans.get(1).to()) / 2;
        double t = frame.seconds();
        RgbFrame original = FrameAt.frameAt(INDOOR, t + 0.01, 432);
        RgbFrame copy = FrameAt.frameAt(clip, t - firstFrame + 0.01, 432);
        assertEquals(original.width(), copy.width());
        List<PlannedBox> kept = plan.boxesAt(t);
        double droppedDiff = meanDifference(original, copy, dropped, kept);
        assertTrue(droppedDiff < 10, "the dropped person's region is as in the original: " + droppedDiff);
        double drawnDiff = meanDifference(original, copy, drawn, List.of());
        assertTrue(drawnDiff > 25, "the drawn box is hidden: " + drawnDiff);
    }

    @Test
    void theExaminerKeyIsMadeWithAPassphraseAndItsPublicKeySaved(FxRobot robot) throws Exception {
        CasesViewModel cases = workbench.casesViewModel();
        robot.interact(() -> workbench.mainViewModel().show(Page.CASES));
        FxClicks.click(robot, "#examiner-key");
        assertTrue(robot.lookup("#examiner-key-view").query().isVisible());
        assertTrue(robot.lookup("#key-status").queryAs(Label.class).getText().startsWith("No examiner key yet"));

        FxClicks.click(robot, "#key-name");
        robot.write("Dana Examiner");
        FxClicks.click(robot, "#key-passphrase");
        robot.write("correct horse");
        FxClicks.click(robot, "#key-passphrase-again");
        robot.write("correct hose");
        FxClicks.click(robot, "#key-create");
        assertTrue(cases.keyMessageProperty().get().startsWith("The two passphrases differ"), cases.keyMessageProperty().get());
        assertFalse(cases.examinerKeyProperty().get().exists(), "no key made from differing passphrases");

        FxClicks.click(robot, "#key-passphrase");
        robot.write("correct horse");
        FxClicks.click(robot, "#key-passphrase-again");
        robot.write("correct horse");
        FxClicks.click(robot, "#key-create");
        var key = cases.examinerKeyProperty().get();
        assertTrue(key.exists() && key.passphraseProtected(), cases.keyMessageProperty().get());
        assertEquals("Dana Examiner", key.name());
        String status = robot.lookup("#key-status").queryAs(Label.class).getText();
        assertTrue(status.contains("Dana Examiner") && status.contains(key.fingerprint())
                && status.contains("Protected by a passphrase"), status);
        assertTrue(cases.keyProtectedProperty().get(), "exports will ask for the passphrase");

        Path pem = temp.resolve("usb/examiner.pem");
        Files.createDirectories(pem.getParent());
        robot.interact(() -> robot.lookup("#cases-view").queryAs(CasesView.class).examinerKeyView()
                .setPublicKeyPicker(w -> pem.toFile()));
        FxClicks.click(robot, "#key-save-public");
        String text = Files.readString(pem);
        assertTrue(text.startsWith("-----BEGIN PUBLIC KEY-----"), text);
        assertTrue(cases.keyMessageProperty().get().contains(pem.toString()), cases.keyMessageProperty().get());
        StringBuilder details = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.catalogFile());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT details FROM audit_log ORDER BY seq")) {
            while (rs.next()) {
                details.append(rs.getString(1)).append('\n');
            }
        }
        assertTrue(details.toString().contains("Dana Examiner") && details.toString().contains("created in the desktop"),
                "the key's creation is audited: " + details);
        assertTrue(details.toString().contains(pem.getFileName().toString()), "the public key's export is audited: " + details);
    }

    /** Mean |difference| over the box's pixels (shrunk by 3) outside every box in {@code exclude}. */
    private static double meanDifference(RgbFrame a, RgbFrame b, ReviewBox box, List<PlannedBox> exclude) {
        int w = a.width();
        int h = a.height();
        double sum = 0;
        long n = 0;
        for (int y = (int) (box.y() * h) + 3; y < (int) ((box.y() + box.height()) * h) - 3; y++) {
            for (int x = (int) (box.x() * w) + 3; x < (int) ((box.x() + box.width()) * w) - 3; x++) {
                double fx = (double) x / w;
                double fy = (double) y / h;
                boolean covered = exclude.stream().anyMatch(p -> fx >= p.x() - 0.01 && fx < p.x() + p.width() + 0.01
                        && fy >= p.y() - 0.01 && fy < p.y() + p.height() + 0.01);
                if (covered) {
                    continue;
                }
                int i = 3 * (y * w + x);
                for (int c = 0; c < 3; c++) {
                    sum += Math.abs((a.rgb()[i + c] & 0xff) - (b.rgb()[i + c] & 0xff));
                }
                n += 3;
            }
        }
        assertTrue(n > 300, "enough of the region is left to compare: " + n / 3 + " pixels");
        return sum / n;
    }

    private static double overlap(ReviewBox a, ReviewBox b) {
        double iw = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
        double ih = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        return inter / (a.width() * a.height() + b.width() * b.height() - inter);
    }
}
