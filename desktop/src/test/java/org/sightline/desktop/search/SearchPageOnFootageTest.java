package org.sightline.desktop.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.desktop.FxClicks;
import org.sightline.desktop.SightlineApp;
import org.sightline.desktop.services.DesktopServices;
import org.sightline.desktop.services.WorkspaceServices;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.desktop.viewer.ClipToView;
import org.sightline.desktop.viewer.ViewerView;
import org.sightline.desktop.viewer.ViewerViewModel;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestReport;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.search.Clip;
import org.sightline.models.store.ModelStore;
import org.sightline.models.testing.SharedData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The search page over a data directory indexed from two real fixtures with the demonstration model and the starter
 * perception packs: tiers with their counts, "Show more" paging through every tier (pages of {@value #PAGE} clips),
 * why each card matched, ignored words, a prompt not understood, the per-file timelines, the viewer's marks of every
 * hit of the open file, and the preview. Work runs synchronously; only the video player is waited for.
 */
@ExtendWith(ApplicationExtension.class)
class SearchPageOnFootageTest {
    private static final int PAGE = 4;
    private static final Path AISLE = SharedData.footage("parking-aisle-cars.mp4");
    private static final Path LOT = SharedData.footage("parking-lot-person-bicycle-car.mp4");

    @TempDir
    static Path data;

    private SynchronousTaskExecutor tasks;
    private DesktopServices services;
    private SearchViewModel vm;
    private ViewerViewModel viewer;
    private SearchView view;

    @BeforeAll
    static void indexTwoFixtures() throws Exception {
        DataDirectory dir = new DataDirectory(data).create();
        new ModelStore(dir.modelsDir()).installDemo();
        try (Workspace w = Workspace.open(dir)) {
            IngestReport r = w.ingest(IngestRequest.of(List.of(AISLE, LOT)), IngestListener.NONE, () -> false);
            assertEquals(2, r.outcomes().size(), "two files indexed: " + r.outcomes());
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        tasks = new SynchronousTaskExecutor();
        services = WorkspaceServices.open(new DataDirectory(data));
        vm = new SearchViewModel(tasks, services.search(), PAGE);
        vm.modelStateKnownProperty().set(true);
        vm.modelReadyProperty().set(true);
        viewer = new ViewerViewModel(tasks);
        // as the workbench connects them
        vm.onOpenClipProperty().set(c -> viewer.open(ClipToView.of(c)));
        viewer.hitsOfFileProperty().set(vm::hitsOf);
        view = new SearchView(vm, new ViewerView(viewer), new Label("no model"));
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(SightlineApp.stylesheet());
        stage.setScene(scene);
        stage.sizeToScene(); // the test stage is reused: a smaller window left by an earlier test would hide the right side
        stage.show();
    }

    @AfterEach
    void stop() {
        viewer.close();
        services.close();
        tasks.close();
    }

    private void search(FxRobot robot, String prompt) {
        robot.interact(() -> {
            vm.promptProperty().set(prompt);
            vm.search();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void tiersWithTheirCountsPageThroughEveryClipAndEachCardSaysWhy(FxRobot robot) {
        search(robot, "red car quokka");
        assertEquals(null, vm.errorProperty().get());
        assertTrue(vm.understandingProperty().get().contains("quokka"), vm.understandingProperty().get());
        assertTrue(robot.lookup("#search-understanding").queryAs(Label.class).isVisible());

        List<TierSection> sections = List.copyOf(vm.sections());
        assertEquals(List.of("strong", "possible", "more"), sections.stream().map(TierSection::key).toList());
        int total = sections.stream().mapToInt(TierSection::total).sum();
        assertTrue(total > PAGE, "more clips than one page: " + sections);
        String counts = robot.lookup("#search-counts").queryAs(Label.class).getText();
        assertTrue(counts.startsWith(String.format("Strong %d · Possible %d · More %d", sections.get(0).total(),
                sections.get(1).total(), sections.get(2).total())), counts);
        assertEquals(PAGE, vm.allClips().size(), "one page loaded first");
        for (TierSection t : sections) {
            Label heading = robot.lookup("#tier-" + t.key() + " .tier-heading").queryAs(Label.class);
            assertEquals(t.heading(), heading.getText());
        }

        // "Show more" in each tier until every clip of every tier is loaded: nothing left out
        for (int clicks = 0; clicks < 200; clicks++) {
            TierSection next = vm.sections().stream().filter(t -> t.loaded() < t.total()).findFirst().orElse(null);
            if (next == null) {
                break;
            }
            Button more = robot.lookup("#show-more-" + next.key()).queryButton();
            robot.interact(more::fire);
        }
        for (TierSection t : vm.sections()) {
            assertEquals(t.total(), t.loaded(), "every clip of " + t.key() + " loaded: " + vm.sections());
        }
        int shownTotal = vm.sections().stream().mapToInt(TierSection::total).sum();
        robot.interact(() -> vm.minScoreProperty().set(vm.scoreFloorProperty().get()));
        List<ClipCard> cards = robot.lookup(".clip-card").queryAllAs(ClipCard.class).stream().toList();
        assertEquals(shownTotal, cards.size(), "a card for every clip found");
        assertEquals(shownTotal, Set.copyOf(cards.stream().map(ClipCard::clip).toList()).size());

        // why it matched: every card names the parts it satisfied with evidence
        for (ClipCard card : cards) {
            List<String> why = card.lookupAll(".why-line").stream().map(n -> ((Label) n).getText()).toList();
            assertFalse(why.isEmpty(), "why lines on " + card.clip());
            assertTrue(why.stream().anyMatch(w -> w.contains("similarity") || w.contains("detector")), why.toString());
            assertEquals(1, card.lookupAll(".tier-badge").size());
        }
    }

    @Test
    void objectsSeenByTheDetectorShowAsChips(FxRobot robot) {
        search(robot, "person");
        assertEquals(null, vm.errorProperty().get(), "the detections answer 'person'");
        assertFalse(vm.allClips().isEmpty());
        Clip first = vm.shownClips().getFirst();
        assertTrue(first.video().equals(LOT) || first.video().equals(AISLE), first.toString());
        ClipCard card = robot.lookup(".clip-card").match((ClipCard c) -> c.clip() == first).query();
        List<String> chips = card.lookupAll(".object-chip").stream().map(n -> ((Label) n).getText()).toList();
        assertTrue(chips.stream().anyMatch(c -> c.startsWith("person × ")), chips.toString());
        assertTrue(card.lookupAll(".why-line").stream().anyMatch(n -> ((Label) n).getText().contains("detector")));
    }

    @Test
    void aPromptNothingCanAnswerSaysWhatCanBeAskedNotNothingMatched(FxRobot robot) {
        search(robot, "quokka");
        String error = robot.lookup("#search-error").queryAs(Label.class).getText();
        assertTrue(error.startsWith("Nothing in \"quokka\" can be answered"), error);
        assertTrue(error.contains("What can be asked here"), error);
        assertEquals("", robot.lookup("#search-empty").queryAs(Label.class).getText(), "not 'Nothing matched.'");
    }

    @Test
    void groupedByFileEachStripMarksEveryHitAndTheViewerMarksEveryHitOfTheOpenFile(FxRobot robot) throws Exception {
        search(robot, "white");
        robot.interact(() -> vm.showMore());
        robot.interact(() -> vm.minScoreProperty().set(vm.scoreFloorProperty().get()));
        FxClicks.click(robot, "#search-group-by-file");
        assertTrue(robot.lookup("#search-group-by-file").queryAs(CheckBox.class).isSelected());

        List<FileGroup> groups = List.copyOf(vm.fileGroups());
        assertFalse(groups.isEmpty());
        List<Node> sectionsShown = List.copyOf(robot.lookup(".file-section").queryAll());
        assertEquals(groups.size(), sectionsShown.size());
        for (int i = 0; i < groups.size(); i++) {
            FileGroup g = groups.get(i);
            Set<Clip> ofFile = vm.shownClips().stream().filter(c -> c.video().equals(g.video())).collect(Collectors.toSet());
            assertEquals(ofFile, Set.copyOf(g.clips()), "the group holds every shown hit of " + g.video());
            List<Node> marks = List.copyOf(sectionsShown.get(i).lookupAll(".file-hit-mark"));
            assertEquals(g.clips().size(), marks.size(), "one mark per hit of " + g.video());
            assertTrue(g.durationSeconds() >= 29, "the strip spans the whole file: " + g.durationSeconds());
        }

        // a click on a mark opens that hit; the viewer's timeline marks every hit of its file
        FileGroup g = groups.getFirst();
        Clip last = g.clips().getLast();
        Node mark = sectionsShown.getFirst().lookupAll(".file-hit-mark").stream()
                .filter(n -> n.getUserData() == last).findFirst().orElseThrow();
        FxClicks.click(robot, mark);
        assertEquals(last, vm.selectedProperty().get());
        waitFor(() -> Math.abs(viewer.player().positionProperty().get() - last.bestOffsetSeconds()) < 0.1);
        long fileHits = vm.allClips().stream().filter(c -> c.video().equals(g.video())).count();
        assertEquals(fileHits, viewer.fileHits().size());
        waitFor(() -> robot.lookup("#viewer-hit-span .hit-mark").queryAll().size() == fileHits);
        assertTrue(robot.lookup("#viewer-hit-span .hit-mark").queryAllAs(Rectangle.class).stream().allMatch(Node::isVisible));
    }

    @Test
    void spaceOrPOrHoveringPreviewsTheHitFrameAndEscOrMovingAwayClosesIt(FxRobot robot) throws Exception {
        search(robot, "red");
        Clip top = vm.shownClips().getFirst();
        ClipCard card = robot.lookup(".clip-card").match((ClipCard c) -> c.clip() == top).query();
        robot.interact(card::requestFocus);

        robot.type(KeyCode.P);
        assertEquals(top, vm.previewClipProperty().get());
        assertTrue(robot.lookup("#clip-preview").query().isVisible());
        assertNotNull(vm.previewImageProperty().get(), "the hit frame decoded");
        assertTrue(vm.previewImageProperty().get().getWidth() > card.getWidth(), "larger than the card");
        robot.type(KeyCode.ESCAPE);
        assertFalse(robot.lookup("#clip-preview").query().isVisible());
        assertEquals(null, vm.selectedProperty().get(), "previewing does not open the clip");

        robot.type(KeyCode.SPACE);
        assertTrue(robot.lookup("#clip-preview").query().isVisible());
        robot.type(KeyCode.SPACE);
        assertFalse(robot.lookup("#clip-preview").query().isVisible(), "Space again closes it");

        // hovering opens it after a short delay; moving away closes it
        robot.moveTo(card);
        waitFor(() -> robot.lookup("#clip-preview").query().isVisible());
        assertEquals(top, vm.previewClipProperty().get());
        robot.moveTo("#prompt-field");
        waitFor(() -> !robot.lookup("#clip-preview").query().isVisible());
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
