package org.sightline.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.desktop.cases.CaseFiles.Moment;
import org.sightline.desktop.cases.CasesView;
import org.sightline.desktop.cases.CasesViewModel;
import org.sightline.desktop.services.WorkspaceServices;
import org.sightline.desktop.shell.Page;
import org.sightline.desktop.shell.Workbench;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.models.testing.SharedData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A case row edited behind the tool's back (SQL on the catalog file, as a forger would) while the window is open: a
 * notice names the case, item and field, the Cases page blocks Export with that reason; and the audit checkpoint is
 * saved where the examiner chooses.
 */
@ExtendWith(ApplicationExtension.class)
class CaseTamperNoticeTest {
    private static final Path VIDEO = SharedData.footage("parking-aisle-cars.mp4");

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
    void anEditedItemNoteIsNamedAndBlocksTheExport(FxRobot robot) throws Exception {
        CasesViewModel cases = workbench.casesViewModel();
        robot.interact(() -> {
            workbench.mainViewModel().show(Page.CASES);
            cases.create("Aisle", "AI-7");
            cases.add(new Moment(VIDEO, null, "parking", 24, 27, 25, null, "white", false, 0.28f, "demo-colour"));
        });
        robot.interact(() -> cases.saveNote(cases.items().getFirst(), "sports car"));
        assertTrue(robot.lookup("#case-export-blocked").query().isVisible() == false);
        assertFalse(robot.lookup("#case-export").queryAs(Button.class).isDisabled());

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.catalogFile()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE case_items SET note = 'PLANTED'");
        }
        robot.interact(workbench::checkForChangesByOthers);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !cases.exportBlockedProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        String blocked = robot.lookup("#case-export-blocked").queryAs(Label.class).getText();
        assertTrue(blocked.contains("item 1 note is \"PLANTED\" but the audit trail recorded \"sports car\""), blocked);
        assertTrue(robot.lookup("#case-export").queryAs(Button.class).isDisabled(), "Export is blocked");
        robot.interact(() -> cases.export(temp.resolve("pkg")));
        assertFalse(Files.exists(temp.resolve("pkg")), "nothing exported");
        assertTrue(workbench.mainViewModel().notices().stream()
                .anyMatch(n -> n.text().startsWith("Case AI-7 (Aisle) disagrees with the audit trail") && n.text().contains("item 1 note")),
                workbench.mainViewModel().notices().toString());
    }

    @Test
    void theAuditCheckpointIsSavedWhereTheExaminerChooses(FxRobot robot) throws Exception {
        Path out = temp.resolve("usb/checkpoint.json");
        Files.createDirectories(out.getParent());
        robot.interact(() -> {
            workbench.mainViewModel().show(Page.CASES);
            workbench.casesViewModel().create("Aisle", "AI-7");
            ((CasesView) robot.lookup("#cases-view").query()).setCheckpointPicker(w -> out.toFile());
        });
        robot.interact(() -> robot.lookup("#audit-checkpoint").queryAs(Button.class).fire());
        assertTrue(Files.isRegularFile(out), "written: " + workbench.casesViewModel().errorProperty().get());
        String said = workbench.casesViewModel().messageProperty().get();
        assertTrue(said.startsWith("Checkpoint of audit entry ") && said.contains(out.toString()), said);
    }
}
