package org.sightline.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sightline.indexer.catalog.VideoStatus;
import org.sightline.desktop.SightlineApp;
import org.sightline.desktop.cases.AddNotice;
import org.sightline.desktop.cases.CaseFiles;
import org.sightline.desktop.library.FootageLibrary;
import org.sightline.desktop.models.ModelPacks;
import org.sightline.desktop.search.ClipSearch;
import org.sightline.desktop.services.DesktopServices;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.desktop.viewer.ClipToView;
import org.sightline.desktop.viewer.SearchOrigin;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.search.Clip;
import org.sightline.indexer.search.SearchResult;
import org.sightline.models.testing.SharedData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** How the workbench connects the pages, over fake services with synchronous tasks, in a real window. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchTest {
    private static final Path VIDEO = SharedData.footage("parking-aisle-cars.mp4");
    private static final String SHA = "d31e0ebf194cc16e50eea784e7c3b0b1bb7976a4fb9b3fec26cb92a6704cca34";

    private final SynchronousTaskExecutor tasks = new SynchronousTaskExecutor();
    private final ScriptedServices services = new ScriptedServices();
    private Stage stage;
    private Workbench workbench;

    /** One active demo pack, one catalogued video of camera "parking", searches answered with two clips of it. */
    private static final class ScriptedServices implements DesktopServices {
        final List<ClipToView> viewed = new ArrayList<>();
        final List<CaseFiles.Moment> kept = new ArrayList<>();
        boolean withCases = true;
        int closes;

        @Override
        public ModelPacks models() {
            return new ModelPacks() {
                @Override
                public List<PackRow> list() {
                    return List.of(new PackRow("demo-colour", "1", "demonstration: understands colours only", "", "CC0",
                            true, null));
                }

                @Override
                public void activate(String name) {
                }

                @Override
                public String importPack(Path folder) {
                    return "";
                }

                @Override
                public String installDemo() {
                    return "";
                }

                @Override
                public String verify(String name) {
                    return "1 file matches its SHA-256";
                }
            };
        }

        @Override
        public ClipSearch search() {
            return q -> new SearchResult(q, List.of(
                    new Clip(1, VIDEO, SHA, "parking", 15, 18, 16, 0.31f, 1f, Optional.empty(), null, List.of(1L)),
                    new Clip(1, VIDEO, SHA, "parking", 2, 4, 3, 0.22f, 0.5f, Optional.empty(), null, List.of(2L))),
                    "demo-colour", 9, 3);
        }

        @Override
        public FootageLibrary library() {
            return new FootageLibrary() {
                @Override
                public List<VideoRow> videos() {
                    return List.of(new VideoRow(VIDEO, "parking", 30.16, VideoStatus.DONE, null));
                }

                @Override
                public IndexRun index(List<Path> paths, boolean reindex, org.sightline.indexer.ingest.IngestListener l,
                        java.util.function.BooleanSupplier cancelled) {
                    return new IndexRun(List.of(), false, 0, 0);
                }
            };
        }

        @Override
        public CaseFiles cases() {
            if (!withCases) {
                return null;
            }
            return new CaseFiles() {
                final CaseRow only = new CaseRow(1, "Red car", "T-1", "open");
                boolean created;

                @Override
                public List<CaseRow> cases() {
                    return created ? List.of(only) : List.of();
                }

                @Override
                public CaseRow create(String name, String reference) {
                    created = true;
                    return only;
                }

                @Override
                public List<ItemRow> items(long caseId) {
                    return kept.stream().map(m -> new ItemRow(1, 1, m.video(), m.camera(), m.hitStartSeconds(),
                            m.hitEndSeconds(), m.hitSeconds(), m.query(), null)).toList();
                }

                @Override
                public ItemRow add(long caseId, Moment moment) {
                    kept.add(moment);
                    return items(caseId).getLast();
                }

                @Override
                public CaseRow updateDetails(long caseId, String name, String reference, String examiner, String notes) {
                    throw new UnsupportedOperationException("not used here");
                }

                @Override
                public void setNote(long itemId, String note) {
                    throw new UnsupportedOperationException("not used here");
                }

                @Override
                public void setTags(long itemId, List<String> tags) {
                    throw new UnsupportedOperationException("not used here");
                }

                @Override
                public void setSpan(long itemId, double inSeconds, double outSeconds) {
                    throw new UnsupportedOperationException("not used here");
                }

                @Override
                public void move(long itemId, int position) {
                    throw new UnsupportedOperationException("not used here");
                }

                @Override
                public void remove(long itemId) {
                    throw new UnsupportedOperationException("not used here");
                }

                @Override
                public ItemRow restore(long removedItemId) {
                    throw new UnsupportedOperationException("not used here");
                }

                @Override
                public boolean signingNeedsPassphrase() {
                    return false;
                }

                @Override
                public ExportReport export(long caseId, Path target, char[] passphrase, ExportSteps steps,
                        java.util.function.BooleanSupplier cancelled) {
                    throw new UnsupportedOperationException("not used here");
                }
            };
        }

        @Override
        public void recordView(ClipToView clip) {
            viewed.add(clip);
        }

        @Override
        public IndexFacts facts() {
            return new IndexFacts(1, 12, 30.16 / 3600, 2_500_000, Optional.of("demo-colour"));
        }

        @Override
        public void close() {
            closes++;
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1240, 780));
        stage.getScene().getStylesheets().add(SightlineApp.stylesheet());
        stage.show();
    }

    private void show(FxRobot robot) {
        robot.interact(() -> {
            workbench = new Workbench(new DataDirectory(Path.of("/archive/data")), services, tasks);
            stage.getScene().setRoot(workbench.view());
        });
    }

    @AfterEach
    void close() {
        if (workbench != null) {
            workbench.close();
        }
    }

    @Test
    void theStatusBarAndTheSearchPageFollowTheModelsAndTheLibrary(FxRobot robot) {
        show(robot);
        StatusBarViewModel bar = workbench.mainViewModel().statusBar();
        assertEquals("model: demo-colour 1", bar.activeModelProperty().get());
        assertEquals("index: 1 videos · 12 segments · 2.5 MB", bar.indexSizeProperty().get());
        assertEquals("/archive/data", bar.dataDirectoryProperty().get());
        assertTrue(workbench.searchViewModel().modelReadyProperty().get());
        assertTrue(workbench.searchViewModel().cameras().contains("parking"), "the library's cameras are offered");
    }

    @Test
    void anOpenedClipIsShownInTheViewerAndRecordedInTheAuditTrail(FxRobot robot) {
        show(robot);
        robot.interact(() -> workbench.searchAtStartup("red", true));
        Clip first = workbench.searchViewModel().shownClips().getFirst();
        assertEquals(first, workbench.searchViewModel().selectedProperty().get());
        ClipToView open = workbench.viewerViewModel().currentClip().orElseThrow();
        assertEquals(ClipToView.of(first, new SearchOrigin("red", false, first.score(), "demo-colour")), open,
                "the clip keeps the search that found it");
        assertEquals(List.of(open), services.viewed);
    }

    @Test
    void aSearchHitGoesToTheCurrentCaseWithThePromptThatFoundIt(FxRobot robot) {
        show(robot);
        var search = workbench.searchViewModel();
        robot.interact(() -> {
            search.promptProperty().set("red");
            search.search();
        });
        Clip hit = search.shownClips().getFirst();
        robot.interact(() -> search.onAddToCaseProperty().get().accept(hit));
        assertEquals(Page.SEARCH, workbench.mainViewModel().pageProperty().get(), "no case yet: the answer shows in place");
        assertEquals(AddNotice.Kind.NEEDS_CASE, workbench.casesViewModel().noticeProperty().get().kind());
        assertTrue(robot.lookup("#add-notice").query().isVisible());
        assertTrue(services.kept.isEmpty());

        // a new case, made right there, gets the waiting clip
        // typed and pressed on the FX thread: a robot's keystrokes and clicks can land elsewhere on a loaded machine
        robot.interact(() -> {
            robot.lookup("#add-notice-new-name").queryTextInputControl().setText("Red car");
            robot.lookup("#add-notice-create").queryAs(javafx.scene.control.ButtonBase.class).fire();
        });
        assertEquals(1, services.kept.size(), "name field: '" + robot.lookup("#add-notice-new-name").queryTextInputControl().getText()
                + "', prompt: '" + robot.lookup("#prompt-field").queryTextInputControl().getText() + "', notice: "
                + workbench.casesViewModel().noticeProperty().get() + ", error: " + workbench.casesViewModel().errorProperty().get());
        CaseFiles.Moment m = services.kept.getFirst();
        assertEquals(VIDEO, m.video());
        assertEquals(SHA, m.sha256());
        assertEquals("red", m.query());
        assertFalse(m.byExample());
        assertEquals("demo-colour", m.modelId());
        assertEquals(16, m.hitSeconds());
        assertEquals(1, workbench.casesViewModel().items().size());
        assertEquals("Added to T-1 as item 1", robot.lookup("#add-notice-text").queryLabeled().getText());

        // the same clip again: a warning, and nothing added unless asked
        robot.interact(() -> search.onAddToCaseProperty().get().accept(hit));
        assertEquals(AddNotice.Kind.DUPLICATE, workbench.casesViewModel().noticeProperty().get().kind());
        assertEquals(1, services.kept.size());
        assertTrue(robot.lookup("#add-notice-text").queryLabeled().getText().contains("already item 1 of T-1"));
    }

    @Test
    void withoutACaseServiceNothingOffersToAddToACase(FxRobot robot) {
        services.withCases = false;
        show(robot);
        assertFalse(workbench.casesViewModel().availableProperty().get());
        assertNull(workbench.searchViewModel().onAddToCaseProperty().get());
        assertFalse(workbench.viewerViewModel().canAddToCase());
    }

    @Test
    void closingInTheBackgroundClosesTheServicesOnce(FxRobot robot) {
        show(robot);
        robot.interact(workbench::closeInBackground);
        assertEquals(1, services.closes);
        robot.interact(workbench::close);
        assertEquals(1, services.closes);
        robot.interact(() -> workbench.viewerViewModel().open(ClipToView.wholeFile(VIDEO)));
        assertTrue(services.viewed.isEmpty(), "nothing is recorded through closed services");
    }
}
