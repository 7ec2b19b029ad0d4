package org.sightline.desktop.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sightline.desktop.SightlineApp;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.desktop.viewer.ClipToView;
import org.sightline.indexer.index.FrameThumbnail;
import org.sightline.indexer.index.VideoVectors;
import org.sightline.indexer.search.ArchiveSearchResult;
import org.sightline.indexer.search.ArchiveSearchResult.ArchiveClip;
import org.sightline.indexer.search.ArchiveSearchResult.ArchiveFile;
import org.sightline.indexer.search.ArchiveSearchResult.LocalCopy;
import org.sightline.indexer.search.ObjectSighting;
import org.sightline.indexer.search.Reason;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.Tier;
import org.sightline.indexer.search.SearchResult;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Search page with a team archive (a fake archive search; work runs synchronously): the "Whole team archive"
 * toggle, clip cards in tier sections with their still and why, and an Open button only on clips this workstation
 * can reach.
 */
@ExtendWith(ApplicationExtension.class)
class ArchiveSearchPageTest {
    private SynchronousTaskExecutor tasks;
    private SearchViewModel vm;
    private ArchiveSearchViewModel archive;
    private SearchView view;
    private final List<ClipToView> opened = new ArrayList<>();

    private static byte[] jpeg() throws Exception {
        BufferedImage image = new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 36; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, 0xC02020 + x);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    @Start
    void start(Stage stage) throws Exception {
        byte[] still = jpeg();
        tasks = new SynchronousTaskExecutor();
        vm = new SearchViewModel(tasks, q -> new SearchResult(q, List.of(), "demo", 0, 0));
        vm.modelStateKnownProperty().set(true);
        vm.modelReadyProperty().set(true);
        archive = new ArchiveSearchViewModel(tasks, new ArchiveSearch() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public ArchiveSearchResult search(SearchQuery query) {
                var gate = new ArchiveFile("a".repeat(64), "cam-a", "ws-a", new VideoVectors.SourceFile("gate.mp4", null, 100),
                        Optional.of(Path.of("/footage/gate.mp4")), LocalCopy.INDEXED_HERE);
                var dock = new ArchiveFile("c".repeat(64), "cam-c", "ws-c", new VideoVectors.SourceFile("dock.mp4", "cam-c/dock.mp4", 300),
                        Optional.empty(), LocalCopy.NOT_HERE);
                return new ArchiveSearchResult(query, List.of(
                        new ArchiveClip(gate, 12, 16, 12.5, 0.31f, 5, Optional.empty(), Optional.of(new FrameThumbnail(12, still)),
                                Tier.STRONG, List.of(new Reason("looks like \"red\" (model demo)", "similarity 0.310 at 12.5 s")),
                                List.of()),
                        new ArchiveClip(dock, 60, 64, 61, 0.2f, 1, Optional.empty(), Optional.of(new FrameThumbnail(60, still)),
                                Tier.MORE, List.of(new Reason("looks like \"red\" (model demo)", "similarity 0.200 at 61.0 s"),
                                new Reason("objects in the clip", "person, car seen at 61 s (labels from workstation ws-c's detector)")),
                                List.of(new ObjectSighting("car", 1, Float.NaN), new ObjectSighting("person", 1, Float.NaN)))),
                        java.util.Map.of(Tier.STRONG, 1, Tier.POSSIBLE, 0, Tier.MORE, 1), 0, List.of(), List.of(), "demo", 6,
                        "rule", 3);
            }
        });
        archive.onOpenProperty().set(opened::add);
        view = new SearchView(vm, new Label("viewer"), new Label("no model"), null, archive);
        Scene scene = new Scene(view, 1024, 700);
        scene.getStylesheets().add(SightlineApp.stylesheet());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void theToggleSearchesEveryWorkstationAndOnlyReachableFilesOpen(FxRobot robot) {
        CheckBox toggle = robot.lookup("#search-whole-archive").queryAs(CheckBox.class);
        assertFalse(toggle.isVisible(), "not offered before the store is known to be a team archive");
        robot.interact(archive::checkAvailability);
        assertTrue(toggle.isVisible());

        robot.interact(() -> vm.promptProperty().set("a red car"));
        robot.clickOn(toggle); // ticking it with a prompt there runs the search
        WaitForAsyncUtils.waitForFxEvents();
        List<ArchiveClipCard> cards = view.archiveCards();
        assertEquals(2, cards.size());
        assertTrue(robot.lookup("#archive-tier-strong").query().isVisible());
        assertTrue(robot.lookup("#archive-tier-more").query().isVisible());
        assertTrue(robot.lookup("#archive-tier-possible").tryQuery().isEmpty(), "an empty tier has no section");
        assertEquals("strong", ((Label) cards.get(0).lookup(".tier-badge")).getText());
        assertTrue(cards.get(1).lookupAll(".why-line").stream().anyMatch(n -> ((Label) n).getText()
                .contains("person, car seen at 61 s (labels from workstation ws-c's detector)")));
        assertTrue(robot.lookup("#archive-results").query().isVisible());
        assertFalse(robot.lookup("#search-empty").query().isVisible(), "the clip grid gives way to the archive's files");
        for (ArchiveClipCard card : cards) {
            ImageView still = (ImageView) card.lookup(".thumb-frame").lookup("ImageView");
            assertNotNull(still.getImage(), "the still from the archive shows");
            assertFalse(still.getImage().isError());
        }
        Node reachable = cards.get(0);
        Button open = (Button) reachable.lookup(".archive-open");
        assertNotNull(open);
        robot.clickOn(open);
        assertEquals(1, opened.size());
        assertEquals(12.5, opened.getFirst().openAtSeconds());

        Node away = cards.get(1);
        assertEquals(null, away.lookup(".archive-open"), "no Open for a file held only by another workstation");
        Label says = (Label) away.lookup(".archive-not-here");
        assertTrue(says.getText().startsWith("Not on this workstation: dock.mp4: held by workstation ws-c"), says.getText());

        robot.clickOn(toggle); // back to this workstation's clips
        assertFalse(robot.lookup("#archive-results").query().isVisible());
    }
}
