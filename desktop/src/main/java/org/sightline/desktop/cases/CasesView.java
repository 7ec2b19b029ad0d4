package org.sightline.desktop.cases;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The Cases page. The case service (dossiers, evidence export) is not part of this build yet; the "Add to
 * case" buttons of the search grid and the viewer stay disabled until {@code Workbench} wires it.
 */
public final class CasesView extends VBox {

    public CasesView() {
        getStyleClass().add("page");
        setId("cases-view");
        Label title = new Label("Cases");
        title.getStyleClass().add("heading");
        Label text = new Label("Case dossiers are not available in this build yet. When they are, clips added from "
                + "the search grid or the viewer are collected here for review and export.");
        text.setWrapText(true);
        text.getStyleClass().add("muted");
        getChildren().addAll(title, text);
    }
}
