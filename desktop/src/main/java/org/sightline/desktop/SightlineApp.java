package org.sightline.desktop;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The JavaFX application (placeholder window until the desktop issue lands). */
public class SightlineApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Sightline");
        stage.setScene(new Scene(new StackPane(new Label("Sightline — offline footage search")), 960, 600));
        stage.show();
    }
}
