package org.sightline.desktop.shell;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard shortcuts in one table: handled here for the whole window, listed in the app (F1, "Keys" in
 * the navigation) and in {@code docs/desktop.md}.
 */
public final class Shortcuts {

    /** One shortcut, as the help lists it. */
    public record Shortcut(String keys, String action) {
    }

    /** Every shortcut of the window, the viewer's included. */
    public static final List<Shortcut> ALL = List.of(
            new Shortcut("Ctrl+F or /", "put the cursor in the search prompt"),
            new Shortcut("Enter (in the prompt)", "search"),
            new Shortcut("Down (in the prompt)", "move into the results"),
            new Shortcut("Arrow keys (on a card)", "move between result cards; Up from the first row returns to the prompt"),
            new Shortcut("Enter (on a card)", "open the clip in the viewer at its hit frame"),
            new Shortcut("Space or P (on a card)", "show or hide a larger still of the hit frame (hovering a card shows it too)"),
            new Shortcut("Esc (preview)", "close the preview of the hit frame"),
            new Shortcut("Ctrl+D", "add the selected card, or else the clip open in the viewer (the frame on screen), to the current case"),
            new Shortcut("Ctrl+1 … Ctrl+4", "Search, Library, Cases, Models"),
            new Shortcut("Tab / Shift+Tab", "next / previous control, the navigation included"),
            new Shortcut("Space (viewer)", "play / pause"),
            new Shortcut("← / → (viewer)", "one frame back / forward"),
            new Shortcut("J · K · L (viewer)", "frame back · pause · play"),
            new Shortcut("Home / End (viewer)", "first / last frame"),
            new Shortcut("Esc (viewer)", "clear the dragged rectangle"),
            new Shortcut("Delete · Alt+Up · Alt+Down (case clips)", "remove (Undo puts it back) · move up · move down"),
            new Shortcut("F1", "show or hide this list"));

    /** What the shortcuts do. */
    public interface Actions {
        void focusPrompt();

        /** Ctrl+D, with the node that has the keyboard (a result card, the viewer, …). */
        void addToCase(Node focusOwner);

        void show(Page page);

        void toggleHelp();
    }

    private Shortcuts() {
    }

    /** Handles the shortcuts for everything under {@code root}. */
    public static void install(Node root, Actions actions) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean ctrl = e.isShortcutDown() || e.isControlDown();
            Node owner = root.getScene() == null ? null : root.getScene().getFocusOwner();
            boolean typing = owner instanceof TextInputControl;
            if (ctrl && e.getCode() == KeyCode.F) {
                actions.focusPrompt();
            } else if (ctrl && e.getCode() == KeyCode.D) {
                actions.addToCase(owner);
            } else if (ctrl && page(e.getCode()) != null) {
                actions.show(page(e.getCode()));
            } else if (e.getCode() == KeyCode.F1) {
                actions.toggleHelp();
            } else {
                return;
            }
            e.consume();
        });
        // "/" is a character: seen as typed text, and only when not typing into a field
        root.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            Node owner = root.getScene() == null ? null : root.getScene().getFocusOwner();
            if ("/".equals(e.getCharacter()) && !(owner instanceof TextInputControl)) {
                actions.focusPrompt();
                e.consume();
            }
        });
    }

    private static Page page(KeyCode code) {
        return switch (code) {
            case DIGIT1, NUMPAD1 -> Page.SEARCH;
            case DIGIT2, NUMPAD2 -> Page.LIBRARY;
            case DIGIT3, NUMPAD3 -> Page.CASES;
            case DIGIT4, NUMPAD4 -> Page.MODELS;
            default -> null;
        };
    }
}
