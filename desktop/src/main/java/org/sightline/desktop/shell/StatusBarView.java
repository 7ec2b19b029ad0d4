package org.sightline.desktop.shell;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.sightline.desktop.icons.Icon;

/** The bottom bar: index size, footage hours, active model, background activity and the offline badge. */
public final class StatusBarView extends HBox {

    public StatusBarView(StatusBarViewModel vm) {
        getStyleClass().add("status-bar");
        setId("status-bar");
        Label index = value(vm.indexSizeProperty().get());
        index.textProperty().bind(vm.indexSizeProperty());
        index.setId("status-index");
        index.setTooltip(new Tooltip("Videos in the catalog, whatever their status (done, partial, failed, queued): the "
                + "Library's \"N videos in the catalog\". Copies of a catalogued video are not counted."));
        Label footage = value("");
        footage.textProperty().bind(vm.footageProperty());
        footage.setId("status-footage");
        Label model = value("");
        model.textProperty().bind(vm.activeModelProperty());
        model.setId("status-model");
        Label activity = new Label();
        activity.textProperty().bind(vm.activityProperty());
        Label data = new Label();
        data.textProperty().bind(vm.dataDirectoryProperty());
        data.setTooltip(new Tooltip("data directory (catalog, index, thumbnails, model packs)"));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label offlineText = new Label("offline");
        HBox offline = new HBox(Icon.OFFLINE.node(14), offlineText);
        offline.getStyleClass().add("offline-badge");
        offline.setAlignment(javafx.geometry.Pos.CENTER);
        offline.setId("offline-badge");
        Tooltip.install(offline, new Tooltip("Sightline never uses the network: models, index and footage stay on this machine."));

        for (Region r : new Region[] {footage, offline}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        // a team archive's store description is long (collection, ZooKeeper, workstation id): shortened, never
        // widening the window; the whole of it in the tooltip
        index.setMinWidth(shortenedWidth(index.getText()));
        index.textProperty().addListener((o, a, b) -> {
            index.setMinWidth(shortenedWidth(b));
            index.setTooltip(new Tooltip(b));
        });
        model.setMinWidth(60);
        activity.setMinWidth(0);
        data.setMinWidth(0);
        model.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new Tooltip(vm.activeModelProperty().get()), vm.activeModelProperty()));
        data.textProperty().addListener((o, a, b) -> data.setTooltip(new Tooltip("data directory (catalog, index, "
                + "thumbnails, model packs): " + b)));
        data.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(index, footage, model, activity, spacer, data, offline);
    }

    /** The narrowest the index figures may get: all of a short text, 220 pixels of a long one. */
    private static double shortenedWidth(String text) {
        double width = new javafx.scene.text.Text(text == null ? "" : text).getLayoutBounds().getWidth() + 12;
        return Math.min(220, width);
    }

    private static Label value(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("status-value");
        return l;
    }
}
