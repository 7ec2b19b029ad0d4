package org.sightline.desktop.icons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;

/** The desktop's icons, drawn from SVG path data in {@code assets/icons/icons.properties}. */
public enum Icon {
    SEARCH, LIBRARY, CASES, MODELS, PLAY, PAUSE, STEP_FORWARD, STEP_BACK, TO_START, TO_END, OFFLINE, FOLDER_ADD,
    SIMILAR, CASE_ADD, CHECK, WARNING;

    private static final String RESOURCE = "/org/sightline/assets/icons/icons.properties";
    private static final Properties PATHS = load();

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Icon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("icon set " + RESOURCE + " is missing from the desktop jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read icon set " + RESOURCE, e);
        }
        return p;
    }

    /** SVG path data of this icon on a 24x24 grid. */
    public String pathData() {
        String key = name().toLowerCase(Locale.ROOT).replace('_', '-');
        String data = PATHS.getProperty(key);
        if (data == null) {
            throw new IllegalStateException("icon '" + key + "' is not in " + RESOURCE);
        }
        return data;
    }

    /** A new node showing this icon at {@code size} pixels; coloured by the CSS class {@code icon}. */
    public Node node(double size) {
        SVGPath path = new SVGPath();
        path.setContent(pathData());
        path.setFillRule(FillRule.EVEN_ODD);
        path.getStyleClass().add("icon");
        double scale = size / 24.0;
        path.setScaleX(scale);
        path.setScaleY(scale);
        StackPane box = new StackPane(new Group(path));
        box.setMinSize(size, size);
        box.setPrefSize(size, size);
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        box.getStyleClass().add("icon-box");
        return box;
    }
}
