package org.sightline.desktop.shell;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The notices above the page (see {@link WorkspaceNotice}); hidden when there are none. */
public final class NoticeBarView extends VBox {

    public NoticeBarView(MainViewModel vm) {
        setId("notice-bar");
        getStyleClass().add("notice-bar");
        setSpacing(4);
        vm.notices().addListener((ListChangeListener<WorkspaceNotice>) c -> show(vm));
        show(vm);
    }

    private void show(MainViewModel vm) {
        getChildren().clear();
        for (WorkspaceNotice n : vm.notices()) {
            Label text = new Label(n.text());
            text.setWrapText(true);
            text.getStyleClass().add("notice-text");
            text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox row = new HBox(10, text);
            row.setId("notice-" + n.id());
            row.getStyleClass().add("notice");
            row.setAlignment(Pos.CENTER_LEFT);
            if (n.actionLabel() != null && n.action() != null) {
                Button act = new Button(n.actionLabel());
                act.setId("notice-" + n.id() + "-action");
                act.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                act.setOnAction(e -> n.act());
                row.getChildren().add(act);
            }
            getChildren().add(row);
        }
        setVisible(!vm.notices().isEmpty());
        setManaged(isVisible());
    }
}
