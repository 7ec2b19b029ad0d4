package org.sightline.desktop.library;

import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.DirectoryChooser;
import org.sightline.desktop.icons.Icon;
import org.sightline.desktop.library.FootageLibrary.CameraRow;
import org.sightline.desktop.library.LibraryViewModel.JobState;
import org.sightline.desktop.viewer.Timecodes;

/**
 * The Library page: add footage folders (button or drag and drop), every video with its status and reason,
 * the index job's progress with rate and ETA, pause/resume/cancel/re-index, and the errors to act on.
 */
public final class LibraryView extends VBox {

    public LibraryView(LibraryViewModel vm) {
        getStyleClass().add("page");
        setId("library-view");
        Label title = new Label("Library");
        title.getStyleClass().add("heading");

        // a path can be typed (or pasted) as well as browsed for: the system's folder chooser may hide typed paths
        TextField pathField = new TextField();
        pathField.setId("library-path");
        pathField.setPromptText("Type or paste a folder path, e.g. /mnt/archive/gate-camera");
        pathField.setPrefColumnCount(34);
        HBox.setHgrow(pathField, Priority.ALWAYS);
        Runnable addTyped = () -> {
            if (vm.addTypedPath(pathField.getText())) {
                pathField.clear();
            }
        };
        pathField.setOnAction(e -> addTyped.run());
        Button add = new Button("Add folder", Icon.FOLDER_ADD.node(18));
        add.setId("library-add");
        add.getStyleClass().add("primary-button");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setOnAction(e -> addTyped.run());
        add.disableProperty().bind(pathField.textProperty().isEmpty());
        Button browse = new Button("Browse…");
        browse.setId("library-browse");
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Choose a folder of footage to index (Ctrl+L types a path)");
            File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (dir != null) {
                vm.add(List.of(dir.toPath()));
            }
        });
        Label pathProblem = new Label();
        pathProblem.setId("library-path-problem");
        pathProblem.getStyleClass().add("error-text");
        pathProblem.setWrapText(true);
        pathProblem.textProperty().bind(vm.typedPathProblemProperty());
        pathProblem.visibleProperty().bind(vm.typedPathProblemProperty().isNotEmpty());
        pathProblem.managedProperty().bind(pathProblem.visibleProperty());
        Label dropHint = new Label("Or drop folders and video files here. Footage is only read, never changed.");
        dropHint.getStyleClass().add("muted");
        dropHint.setWrapText(true);
        HBox pathRow = new HBox(10, pathField, add, browse);
        pathRow.setAlignment(Pos.CENTER_LEFT);
        VBox addRow = new VBox(6, pathRow, pathProblem, dropHint);
        addRow.getStyleClass().add("drop-zone");

        // progress
        ProgressBar overall = new ProgressBar();
        overall.setId("library-overall-progress");
        overall.setMaxWidth(Double.MAX_VALUE);
        overall.progressProperty().bind(vm.overallProgressProperty());
        HBox.setHgrow(overall, Priority.ALWAYS);
        Label progressText = new Label();
        progressText.setId("library-progress-text");
        progressText.textProperty().bind(vm.progressTextProperty());
        progressText.managedProperty().bind(progressText.textProperty().isNotEmpty());
        ProgressBar file = new ProgressBar();
        file.setId("library-file-progress");
        file.setPrefWidth(220);
        file.progressProperty().bind(vm.fileProgressProperty());
        Label current = new Label();
        current.getStyleClass().add("muted");
        current.textProperty().bind(vm.currentFileProperty());
        Button pause = new Button("Pause");
        pause.setId("library-pause");
        pause.setOnAction(e -> vm.pause());
        pause.disableProperty().bind(vm.stateProperty().isNotEqualTo(JobState.RUNNING));
        Button resume = new Button("Resume");
        resume.setId("library-resume");
        resume.setOnAction(e -> vm.resume());
        resume.disableProperty().bind(vm.stateProperty().isNotEqualTo(JobState.PAUSED));
        Button cancel = new Button("Cancel");
        cancel.setId("library-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.stateProperty().isEqualTo(JobState.IDLE));
        HBox bars = new HBox(10, overall, pause, resume, cancel);
        bars.setAlignment(Pos.CENTER_LEFT);
        HBox fileRow = new HBox(10, file, current);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("library-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox progress = new VBox(8, bars, progressText, fileRow, message);
        progress.getStyleClass().add("card-panel");
        progress.visibleProperty().bind(vm.stateProperty().isNotEqualTo(JobState.IDLE).or(vm.messageProperty().isNotEmpty()));
        progress.managedProperty().bind(progress.visibleProperty());
        fileRow.visibleProperty().bind(vm.stateProperty().isEqualTo(JobState.RUNNING));
        fileRow.managedProperty().bind(fileRow.visibleProperty());

        // videos
        TableView<VideoEntry> table = new TableView<>(vm.videos());
        table.setId("library-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No footage yet. Add a folder to index it."));
        TableColumn<VideoEntry, String> archive = new TableColumn<>("Archive");
        archive.setCellValueFactory(d -> Bindings.createStringBinding(d.getValue()::archive));
        TableColumn<VideoEntry, String> name = new TableColumn<>("File");
        name.setCellValueFactory(d -> Bindings.createStringBinding(d.getValue()::fileName));
        archive.setCellFactory(c -> new WholeInTooltipCell());
        name.setCellFactory(c -> new WholeInTooltipCell());
        TableColumn<VideoEntry, String> camera = new TableColumn<>("Camera");
        camera.setCellValueFactory(d -> d.getValue().cameraProperty());
        TableColumn<VideoEntry, String> length = new TableColumn<>("Length");
        length.setCellValueFactory(d -> Bindings.createStringBinding(() -> d.getValue().durationSecondsProperty().get() > 0
                ? Timecodes.shortOffset(d.getValue().durationSecondsProperty().get()) : "", d.getValue().durationSecondsProperty()));
        TableColumn<VideoEntry, String> status = new TableColumn<>("Status");
        status.setCellValueFactory(d -> Bindings.createStringBinding(d.getValue()::statusText,
                d.getValue().statusProperty(), d.getValue().copyProperty()));
        status.setCellFactory(c -> new StatusCell());
        TableColumn<VideoEntry, Double> prog = new TableColumn<>("Progress");
        prog.setCellValueFactory(d -> Bindings.createObjectBinding(
                () -> d.getValue().indexingProperty().get() ? d.getValue().progressProperty().get() : null,
                d.getValue().statusProperty(), d.getValue().progressProperty()));
        prog.setCellFactory(c -> new ProgressCell());
        TableColumn<VideoEntry, VideoEntry> found = new TableColumn<>("Found");
        found.setId("library-found-column");
        found.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(d.getValue()));
        found.setCellFactory(c -> new FoundCell());
        TableColumn<VideoEntry, String> reason = new TableColumn<>("Reason");
        reason.setCellValueFactory(d -> d.getValue().reasonProperty());
        reason.setCellFactory(c -> new ReasonCell());
        table.getColumns().addAll(List.of(archive, name, camera, length, status, prog, found, reason));
        archive.setPrefWidth(140);
        name.setPrefWidth(200);
        camera.setPrefWidth(90);
        length.setPrefWidth(70);
        status.setPrefWidth(90);
        prog.setPrefWidth(90);
        found.setPrefWidth(360);
        // every heading stays whole at 1024x700 (values cut by a narrow column are whole in their tooltips); a reason
        // wraps onto more lines rather than being cut, and the found line gives way first (whole in its tooltip)
        archive.setMinWidth(80);
        name.setMinWidth(100);
        camera.setMinWidth(80);
        length.setMinWidth(70);
        status.setMinWidth(90); // "duplicate", "indexing" whole
        prog.setMinWidth(86);
        found.setMinWidth(120);
        reason.setMinWidth(120);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setMinHeight(120);
        table.setPrefHeight(230); // grows to fill a tall window; in a low one the page scrolls past a short table

        Button reindexSelected = new Button("Re-index selected");
        reindexSelected.setOnAction(e -> vm.reindex(table.getSelectionModel().getSelectedItems().stream()
                .map(VideoEntry::path).toList()));
        reindexSelected.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems())
                .or(vm.stateProperty().isEqualTo(JobState.RUNNING)));
        Button reindexAll = new Button("Re-index all");
        reindexAll.setOnAction(e -> vm.reindex(List.of()));
        reindexAll.disableProperty().bind(Bindings.isEmpty(vm.videos()).or(vm.stateProperty().isEqualTo(JobState.RUNNING)));
        Label count = new Label();
        count.getStyleClass().add("muted");
        count.setId("library-count");
        count.textProperty().bind(vm.countText());
        reindexSelected.setMinWidth(Region.USE_PREF_SIZE);
        reindexAll.setMinWidth(Region.USE_PREF_SIZE);
        count.setWrapText(true);
        count.setMinWidth(0);
        HBox.setHgrow(count, Priority.ALWAYS);
        HBox tableActions = new HBox(10, reindexSelected, reindexAll, count);
        tableActions.setAlignment(Pos.CENTER_LEFT);

        Label errorsTitle = new Label("Problems");
        errorsTitle.getStyleClass().add("subheading");
        ListView<String> errors = new ListView<>(vm.errors());
        errors.setId("library-errors");
        errors.setPrefHeight(110);
        VBox errorBox = new VBox(6, errorsTitle, errors);
        errorBox.visibleProperty().bind(Bindings.isNotEmpty(vm.errors()));
        errorBox.managedProperty().bind(errorBox.visibleProperty());

        getChildren().addAll(title, addRow, progress, table, tableActions, camerasSection(vm), errorBox);

        setOnDragOver(this::dragOver);
        setOnDragExited(e -> addRow.getStyleClass().remove("drag-over"));
        setOnDragEntered(e -> {
            if (e.getDragboard().hasFiles() && !addRow.getStyleClass().contains("drag-over")) {
                addRow.getStyleClass().add("drag-over");
            }
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                vm.add(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /**
     * The cameras: a table (key, name, zone, videos) and, for the selected camera, its name and a searchable list of
     * time zones, saved through the application layer.
     */
    private static VBox camerasSection(LibraryViewModel vm) {
        Label heading = new Label("Cameras");
        heading.getStyleClass().add("subheading");
        TableView<CameraRow> table = new TableView<>(vm.cameraRows());
        table.setId("library-cameras");
        table.setPlaceholder(new Label("No cameras yet: each folder of footage is a camera."));
        TableColumn<CameraRow, String> key = new TableColumn<>("Folder");
        key.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().key()));
        TableColumn<CameraRow, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().name()));
        TableColumn<CameraRow, String> zone = new TableColumn<>("Time zone");
        zone.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().zone()
                + (d.getValue().zoneAssumed() ? " (workstation)" : "")));
        TableColumn<CameraRow, String> videos = new TableColumn<>("Videos");
        videos.setCellValueFactory(d -> new ReadOnlyStringWrapper(Integer.toString(d.getValue().videos())));
        table.getColumns().addAll(List.of(key, name, zone, videos));
        key.setPrefWidth(95);
        name.setPrefWidth(120);
        videos.setPrefWidth(64);
        videos.setMinWidth(64); // "Videos" whole at 1024x700
        zone.setPrefWidth(215);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(150);
        table.setMinHeight(110);
        HBox.setHgrow(table, Priority.ALWAYS);

        TextField nameField = new TextField();
        nameField.setId("camera-name");
        nameField.setPromptText("Name shown for the camera");
        TextField zoneSearch = new TextField();
        zoneSearch.setId("camera-zone-search");
        zoneSearch.setPromptText("Search time zones, e.g. London");
        FilteredList<String> zoneIds = new FilteredList<>(FXCollections.observableArrayList(LibraryViewModel.zoneIds()));
        ListView<String> zones = new ListView<>(zoneIds);
        zones.setId("camera-zones");
        zones.setPrefHeight(100);
        zones.setMinHeight(80);
        zoneSearch.textProperty().addListener((o, a, typed) -> {
            String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            zoneIds.setPredicate(id -> t.isEmpty() || id.toLowerCase(Locale.ROOT).contains(t));
            if (zoneIds.size() == 1) {
                zones.getSelectionModel().selectFirst();
            }
        });
        Button save = new Button("Save camera");
        save.setId("camera-save");
        save.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        save.setOnAction(e -> {
            CameraRow row = table.getSelectionModel().getSelectedItem();
            String chosen = zones.getSelectionModel().getSelectedItem();
            vm.saveCamera(row == null ? null : row.key(), nameField.getText(), chosen != null ? chosen : zoneSearch.getText());
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                nameField.setText(row.name());
                zoneSearch.clear();
                zones.getSelectionModel().select(row.zone());
                zones.scrollTo(row.zone());
            }
        });
        Label message = new Label();
        message.setId("camera-message");
        message.setWrapText(true);
        message.getStyleClass().add("muted");
        message.textProperty().bind(vm.cameraMessageProperty());
        VBox editor = new VBox(6, new Label("Name"), nameField, wrapped("Time zone of the camera's clock"), zoneSearch, zones, save);
        editor.setPrefWidth(300);
        editor.setMaxWidth(300);
        editor.setMinWidth(240);
        editor.setMinHeight(Region.USE_PREF_SIZE);
        HBox row = new HBox(12, table, editor);
        Label workstation = new Label();
        workstation.setId("workstation-zone");
        workstation.setWrapText(true);
        workstation.textProperty().bind(Bindings.concat("Workstation zone, for cameras with none of their own: ",
                vm.workstationZoneProperty()));
        Button useForWorkstation = new Button("Set as workstation zone");
        useForWorkstation.setId("workstation-zone-save");
        useForWorkstation.setMinWidth(Region.USE_PREF_SIZE);
        useForWorkstation.setTooltip(new javafx.scene.control.Tooltip(
                "Cameras with no zone of their own are read in the zone chosen in the list"));
        workstation.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(workstation, Priority.ALWAYS);
        useForWorkstation.setOnAction(e -> {
            String chosen = zones.getSelectionModel().getSelectedItem();
            vm.saveWorkstationZone(chosen != null ? chosen : zoneSearch.getText());
        });
        HBox workstationRow = new HBox(10, workstation, useForWorkstation);
        workstationRow.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, heading, workstationRow, row, message);
        box.setMinHeight(Region.USE_PREF_SIZE);
        box.setId("library-cameras-section");
        return box;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
        }
        e.consume();
    }

    /** A progress bar while the file is being indexed; empty otherwise. */
    private static final class ProgressCell extends TableCell<VideoEntry, Double> {
        private final ProgressBar bar = new ProgressBar();

        ProgressCell() {
            bar.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(Double item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
            } else {
                bar.setProgress(item);
                setGraphic(bar);
            }
        }
    }

    /** What the perception packs found, in a line; the details and the packs that ran in its tooltip. */
    private static final class FoundCell extends TableCell<VideoEntry, VideoEntry> {
        private final Tooltip tooltip = new Tooltip();

        FoundCell() {
            getStyleClass().add("library-found");
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(520);
            tooltip.setShowDuration(javafx.util.Duration.seconds(30));
        }

        @Override
        protected void updateItem(VideoEntry item, boolean empty) {
            super.updateItem(item, empty);
            textProperty().unbind();
            tooltipProperty().unbind();
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            textProperty().bind(item.foundProperty());
            tooltip.textProperty().bind(item.foundDetailsProperty());
            // shown once the video has details, also when they arrive after the row (a video indexed from this page)
            tooltipProperty().bind(Bindings.createObjectBinding(
                    () -> item.foundDetailsProperty().get().isEmpty() ? null : tooltip, item.foundDetailsProperty()));
        }
    }

    /** A value that may be cut in a narrow column, whole in its tooltip. */
    private static final class WholeInTooltipCell extends TableCell<VideoEntry, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean none = empty || item == null || item.isEmpty();
            setText(none ? null : item);
            setTooltip(none ? null : new Tooltip(item));
        }
    }

    /** The reason in full: wrapped onto more lines within its column (the row grows), and in a tooltip. */
    private static final class ReasonCell extends TableCell<VideoEntry, String> {
        private final Text text = new Text();
        private final Tooltip tip = new Tooltip();

        ReasonCell() {
            text.getStyleClass().add("cell-text");
            text.wrappingWidthProperty().bind(widthProperty().subtract(12));
            tip.setWrapText(true);
            tip.setMaxWidth(600);
            setPrefHeight(Region.USE_COMPUTED_SIZE);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY); // the text is drawn wrapped by the graphic
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean none = empty || item == null || item.isEmpty();
            text.setText(none ? "" : item);
            setText(none ? null : item);
            setGraphic(none ? null : text);
            tip.setText(none ? "" : item);
            setTooltip(none ? null : tip);
        }
    }

    /** Status coloured by its meaning; a copy of another video reads "duplicate". */
    private static final class StatusCell extends TableCell<VideoEntry, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("status-failed", "status-partial", "status-done", "status-duplicate");
            setText(empty || item == null ? null : item);
            VideoEntry entry = getTableRow() == null ? null : getTableRow().getItem();
            if (!empty && entry != null) {
                if (entry.copyProperty().get()) {
                    getStyleClass().add("status-duplicate");
                } else {
                    switch (entry.statusProperty().get()) {
                        case FAILED -> getStyleClass().add("status-failed");
                        case PARTIAL -> getStyleClass().add("status-partial");
                        case DONE -> getStyleClass().add("status-done");
                        case QUEUED, INDEXING -> { }
                    }
                }
            }
        }
    }
}
