package org.sightline.desktop.shell;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.sightline.desktop.icons.Icon;

/** The main window's content: navigation on the left, the current page, the status bar below. */
public final class MainView extends BorderPane {
    private final Map<Page, Supplier<Node>> factories;
    private final Map<Page, Node> built = new EnumMap<>(Page.class);
    private final StackPane content = new StackPane();
    private final VBox help = new VBox(10);
    private Node focusBeforeHelp;

    /** @param pages builds each page's view the first time it is shown */
    public MainView(MainViewModel vm, Map<Page, Supplier<Node>> pages) {
        this.factories = new EnumMap<>(pages);
        setId("main-view");

        VBox nav = new VBox();
        nav.getStyleClass().add("nav");
        nav.setMinWidth(170);
        Label brand = new Label("Sightline");
        brand.getStyleClass().add("brand");
        nav.getChildren().add(brand);
        ToggleGroup group = new ToggleGroup();
        for (Page p : Page.values()) {
            ToggleButton b = new ToggleButton(p.title(), p.icon().node(20));
            b.setId("nav-" + p.name().toLowerCase(Locale.ROOT));
            b.getStyleClass().add("nav-button");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setToggleGroup(group);
            b.setUserData(p);
            b.setSelected(p == vm.pageProperty().get());
            nav.getChildren().add(b);
        }
        Region navSpacer = new Region();
        VBox.setVgrow(navSpacer, Priority.ALWAYS);
        Button dataDir = new Button("Data folder…", Icon.LIBRARY.node(16));
        dataDir.setId("nav-data-folder");
        dataDir.getStyleClass().add("nav-button");
        dataDir.setMaxWidth(Double.MAX_VALUE);
        dataDir.setTooltip(new Tooltip("Open another data directory (catalog, index, model packs)"));
        dataDir.visibleProperty().bind(vm.onChooseDataDirectoryProperty().isNotNull());
        dataDir.setOnAction(e -> vm.onChooseDataDirectoryProperty().get().run());
        Button keys = new Button("Keys (F1)");
        keys.setId("nav-keys");
        keys.getStyleClass().add("nav-button");
        keys.setMaxWidth(Double.MAX_VALUE);
        keys.setTooltip(new Tooltip("Keyboard shortcuts"));
        keys.setOnAction(e -> toggleShortcuts());
        nav.getChildren().addAll(navSpacer, keys, dataDir);
        help.setId("shortcuts-help");
        help.getStyleClass().add("shortcuts-help");
        GridPane table = new GridPane();
        table.setHgap(18);
        table.setVgap(6);
        int row = 0;
        for (Shortcuts.Shortcut s : Shortcuts.ALL) {
            Label k = new Label(s.keys());
            k.getStyleClass().add("shortcut-key");
            Label a = new Label(s.action());
            a.setWrapText(true);
            table.addRow(row++, k, a);
        }
        Label heading = new Label("Keyboard shortcuts");
        heading.getStyleClass().add("subheading");
        Button close = new Button("Close (F1, Esc)");
        close.setOnAction(e -> toggleShortcuts());
        help.getChildren().setAll(heading, table, close);
        help.setMaxSize(760, Region.USE_PREF_SIZE);
        help.setVisible(false);
        help.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                toggleShortcuts();
                e.consume();
            }
        });
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one page is always selected
            } else {
                vm.show((Page) now.getUserData());
            }
        });
        vm.pageProperty().addListener((obs, old, now) -> {
            group.getToggles().stream().filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true));
            showPage(now);
        });

        VBox.setVgrow(content, Priority.ALWAYS);
        setLeft(nav);
        VBox center = new VBox(new NoticeBarView(vm), content);
        setCenter(center);
        setBottom(new StatusBarView(vm.statusBar()));
        showPage(vm.pageProperty().get());
    }

    private void showPage(Page p) {
        Node node = built.computeIfAbsent(p, k -> {
            Supplier<Node> f = factories.get(k);
            return f == null ? new Label(k.title()) : f.get();
        });
        content.getChildren().setAll(node, help);
    }

    /** Shows or hides the list of keyboard shortcuts over the page. */
    public void toggleShortcuts() {
        if (!help.isVisible()) {
            focusBeforeHelp = getScene() == null ? null : getScene().getFocusOwner();
            help.setVisible(true);
            help.requestFocus();
        } else {
            help.setVisible(false);
            if (focusBeforeHelp != null && focusBeforeHelp.getScene() == getScene()) {
                focusBeforeHelp.requestFocus(); // back where the user was
            }
            focusBeforeHelp = null;
        }
    }

    /** The page's view, built the first time (null for a page without one). */
    public Node page(Page p) {
        return built.get(p);
    }
}
