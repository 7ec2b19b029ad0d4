package org.sightline.desktop.cases;

import java.io.File;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.sightline.desktop.cases.CaseFiles.CaseRow;
import org.sightline.desktop.cases.CaseFiles.ExportReport;
import org.sightline.desktop.cases.CaseFiles.ItemRow;
import org.sightline.desktop.viewer.Timecodes;

/**
 * The Cases page: choose or create the current case, edit its details and notes, edit its clips (note, tags,
 * in/out span, order, remove with undo), export it as a signed package with progress and cancel, and see the
 * verification of the new package with a button to open its folder.
 */
public final class CasesView extends VBox {
    private final CasesViewModel vm;
    private final TableView<ItemRow> table;
    private Function<Window, File> folderPicker = CasesView::chooseFolder;
    private Function<Window, File> checkpointPicker = CasesView::chooseCheckpointFile;
    private final ExaminerKeyView keyView;

    public CasesView(CasesViewModel vm) {
        this.vm = vm;
        getStyleClass().add("page");
        setId("cases-view");
        Label title = new Label("Cases");
        title.getStyleClass().add("heading");
        Label unavailable = new Label("Case dossiers are not available in this build. \"Add to case\" stays disabled.");
        unavailable.getStyleClass().add("muted");
        unavailable.visibleProperty().bind(vm.availableProperty().not());
        unavailable.managedProperty().bind(unavailable.visibleProperty());

        // choose or create
        ComboBox<CaseRow> current = new ComboBox<>(vm.cases());
        current.setId("cases-current");
        current.setPromptText("no case yet");
        current.valueProperty().bindBidirectional(vm.currentProperty());
        current.setPrefWidth(300);
        TextField name = new TextField();
        name.setId("cases-new-name");
        name.setPromptText("new case name");
        TextField reference = new TextField();
        reference.setId("cases-new-reference");
        reference.setPromptText("reference (optional)");
        Button create = new Button("Create case");
        create.setId("cases-create");
        create.disableProperty().bind(name.textProperty().isEmpty());
        create.setOnAction(e -> {
            vm.create(name.getText(), reference.getText());
            name.clear();
            reference.clear();
        });
        Label currentLabel = new Label("Current case");
        currentLabel.getStyleClass().add("muted");
        FlowPane chooser = new FlowPane(10, 8, new HBox(8, currentLabel, current), name, reference, create);
        ((HBox) chooser.getChildren().getFirst()).setAlignment(Pos.CENTER_LEFT);
        chooser.setAlignment(Pos.CENTER_LEFT);
        chooser.disableProperty().bind(vm.availableProperty().not());

        // the case's details and notes
        TextField caseName = field("case-name", "name", 14);
        TextField caseReference = field("case-reference", "reference", 10);
        TextField examiner = field("case-examiner", "examiner", 14);
        TextArea notes = new TextArea();
        notes.setId("case-notes");
        notes.setPromptText("notes on the case");
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        HBox.setHgrow(notes, Priority.ALWAYS);
        Button saveDetails = new Button("Save case");
        saveDetails.setId("case-save");
        saveDetails.setOnAction(e -> vm.saveDetails(caseName.getText(), caseReference.getText(), examiner.getText(),
                notes.getText()));
        Runnable fillDetails = () -> {
            CaseRow c = vm.currentProperty().get();
            caseName.setText(c == null ? "" : c.name());
            caseReference.setText(c == null ? "" : c.reference());
            examiner.setText(c == null ? "" : c.examiner());
            notes.setText(c == null ? "" : c.notes());
        };
        vm.currentProperty().addListener((o, a, b) -> fillDetails.run());
        fillDetails.run();
        FlowPane detailFields = new FlowPane(14, 6, pair("Name", caseName), pair("Reference", caseReference),
                pair("Examiner", examiner), saveDetails);
        detailFields.setAlignment(Pos.CENTER_LEFT);
        HBox notesRow = new HBox(8, label("Notes"), notes);
        notesRow.setAlignment(Pos.TOP_LEFT);
        VBox details = new VBox(6, detailFields, notesRow);
        details.getStyleClass().add("case-section");
        BooleanBinding noCase = vm.currentProperty().isNull();
        details.disableProperty().bind(noCase);

        // the clips
        table = new TableView<>(vm.items());
        table.setId("cases-items");
        table.setPlaceholder(new Label("No clips in this case yet. Use \"Add to case\" (Ctrl+D) on a search result or in the viewer."));
        table.getColumns().addAll(List.of(
                column("#", r -> Integer.toString(r.position()), 36),
                stillColumn(),
                column("File", r -> r.video().getFileName().toString(), 185),
                column("Camera", r -> r.camera() == null ? "" : r.camera(), 90),
                column("Span", r -> Timecodes.offset(r.inSeconds()) + " – " + Timecodes.offset(r.outSeconds()), 170),
                column("Hit", r -> Timecodes.offset(r.hitSeconds()), 80),
                column("Found by", ItemRow::foundBy, 200),
                column("Tags", r -> String.join(", ", r.tags()), 110),
                column("Note", ItemRow::note, 200)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setMinHeight(120);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setOnKeyPressed(e -> {
            ItemRow item = table.getSelectionModel().getSelectedItem();
            if (item == null) {
                return;
            }
            if (e.getCode() == KeyCode.DELETE) {
                vm.remove(item);
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.UP) {
                vm.moveUp(item);
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
                vm.moveDown(item);
                e.consume();
            }
        });

        // the selected clip's editor
        Label which = new Label();
        which.setId("item-which");
        which.setMinWidth(60);
        TextField note = field("item-note", "note on this clip", 18);
        HBox.setHgrow(note, Priority.ALWAYS);
        TextField tags = field("item-tags", "tags, comma separated", 12);
        TextField in = field("item-in", "in m:ss.SSS", 7);
        TextField out = field("item-out", "out m:ss.SSS", 7);
        Button save = new Button("Save clip");
        save.setId("item-save");
        Button up = new Button("Up");
        up.setId("item-up");
        up.setTooltip(new Tooltip("Move the clip one place up (Alt+Up)"));
        Button down = new Button("Down");
        down.setId("item-down");
        down.setTooltip(new Tooltip("Move the clip one place down (Alt+Down)"));
        Button remove = new Button("Remove");
        remove.setId("item-remove");
        remove.setTooltip(new Tooltip("Remove the clip from the case (Delete); Undo puts it back"));
        Runnable fillItem = () -> {
            ItemRow item = table.getSelectionModel().getSelectedItem();
            which.setText(item == null ? "No clip selected" : "Clip " + item.position());
            note.setText(item == null ? "" : item.note());
            tags.setText(item == null ? "" : String.join(", ", item.tags()));
            in.setText(item == null ? "" : Timecodes.offset(item.inSeconds()));
            out.setText(item == null ? "" : Timecodes.offset(item.outSeconds()));
        };
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                selectedId = b.id();
            }
            fillItem.run();
        });
        fillItem.run();
        save.setOnAction(e -> saveItem(note, tags, in, out));
        note.setOnAction(e -> saveItem(note, tags, in, out));
        tags.setOnAction(e -> saveItem(note, tags, in, out));
        up.setOnAction(e -> selected(vm::moveUp));
        down.setOnAction(e -> selected(vm::moveDown));
        remove.setOnAction(e -> selected(vm::remove));
        note.setPrefColumnCount(22);
        FlowPane editor = new FlowPane(12, 6, which, pair("Note", note), pair("Tags", tags), pair("In", in),
                pair("Out", out), new HBox(8, save, up, down, remove));
        editor.setAlignment(Pos.CENTER_LEFT);
        editor.getStyleClass().add("case-section");
        editor.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        // keep the same clip selected after a change reloads the list
        vm.items().addListener((javafx.collections.ListChangeListener<ItemRow>) c -> reselect());

        Label undoText = new Label();
        undoText.setId("undo-text");
        Button undo = new Button("Undo");
        undo.setId("item-undo");
        undo.setOnAction(e -> vm.undoRemove());
        undoText.textProperty().bind(Bindings.createStringBinding(() -> vm.lastRemovedProperty().get() == null ? ""
                : "Removed clip " + vm.lastRemovedProperty().get().position() + " ("
                        + vm.lastRemovedProperty().get().video().getFileName() + ").", vm.lastRemovedProperty()));
        HBox undoBar = new HBox(8, undoText, undo);
        undoBar.setAlignment(Pos.CENTER_LEFT);
        undoBar.visibleProperty().bind(vm.lastRemovedProperty().isNotNull());
        undoBar.managedProperty().bind(undoBar.visibleProperty());

        // export
        Button export = new Button("Export…");
        export.setId("case-export");
        export.getStyleClass().add("primary-button");
        export.setTooltip(new Tooltip("Write a signed evidence package of this case into a folder you choose, then verify it"));
        BooleanBinding running = vm.exportStateProperty().isEqualTo(ExportState.RUNNING);
        BooleanBinding planning = vm.exportStateProperty().isEqualTo(ExportState.PLANNING);
        BooleanBinding inReview = vm.reviewProperty().isNotNull();
        export.disableProperty().bind(noCase.or(Bindings.isEmpty(vm.items())).or(running).or(planning).or(inReview)
                .or(vm.exportBlockedProperty().isNotEmpty()));
        Label blocked = new Label();
        blocked.setId("case-export-blocked");
        blocked.getStyleClass().add("error-text");
        blocked.setWrapText(true);
        blocked.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        blocked.textProperty().bind(vm.exportBlockedProperty());
        blocked.visibleProperty().bind(vm.exportBlockedProperty().isNotEmpty());
        blocked.managedProperty().bind(blocked.visibleProperty());
        Button checkpoint = new Button("Audit checkpoint…");
        checkpoint.setId("audit-checkpoint");
        checkpoint.setTooltip(new Tooltip("Sign the audit trail's latest entry with the examiner key and save the checkpoint"
                + " where you choose, to keep off this workstation (a later check finds entries cut off or rewritten)"));
        checkpoint.disableProperty().bind(vm.availableProperty().not());
        checkpoint.setOnAction(e -> {
            File file = checkpointPicker.apply(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                vm.writeAuditCheckpoint(file.toPath(), vm.keyProtectedProperty().get() ? askPassphrase() : null);
            }
        });
        vm.readKeyProtection();
        // a disclosure copy: what to hide, how, and whether the originals go in
        CheckBox disclosure = new CheckBox("Disclosure copy");
        disclosure.setId("export-disclosure");
        disclosure.setTooltip(new Tooltip("Hide people, vehicles, plates or faces in the exported clips and stills;"
                + " you review every clip's boxes before anything is written"));
        CheckBox people = new CheckBox("people");
        people.setId("export-hide-people");
        people.setSelected(true);
        CheckBox vehicles = new CheckBox("vehicles");
        vehicles.setId("export-hide-vehicles");
        CheckBox plates = new CheckBox("plates");
        plates.setId("export-hide-plates");
        CheckBox faces = new CheckBox("faces");
        faces.setId("export-hide-faces");
        ToggleGroup method = new ToggleGroup();
        RadioButton block = new RadioButton("block");
        block.setId("export-method-block");
        block.setToggleGroup(method);
        block.setSelected(true);
        RadioButton blur = new RadioButton("blur");
        blur.setId("export-method-blur");
        blur.setToggleGroup(method);
        CheckBox leaveOut = new CheckBox("leave originals out");
        leaveOut.setId("export-leave-originals-out");
        leaveOut.setSelected(true);
        FlowPane disclosureRow = new FlowPane(12, 6, label("Hide"), people, vehicles, plates, faces, label("by"), block, blur,
                leaveOut);
        disclosureRow.setId("export-disclosure-choice");
        disclosureRow.setAlignment(Pos.CENTER_LEFT);
        disclosureRow.visibleProperty().bind(disclosure.selectedProperty());
        disclosureRow.managedProperty().bind(disclosureRow.visibleProperty());
        disclosure.disableProperty().bind(vm.exportStateProperty().isEqualTo(ExportState.PLANNING)
                .or(vm.reviewProperty().isNotNull()));
        disclosureRow.disableProperty().bind(disclosure.disableProperty());
        export.setOnAction(e -> {
            File dir = folderPicker.apply(getScene() == null ? null : getScene().getWindow());
            if (dir == null) {
                return;
            }
            if (disclosure.isSelected()) {
                vm.exportDisclosure(dir.toPath(), new CaseFiles.DisclosureChoice(people.isSelected(), vehicles.isSelected(),
                        plates.isSelected(), faces.isSelected(), blur.isSelected(), leaveOut.isSelected()));
            } else {
                vm.export(dir.toPath());
            }
        });
        Button keyButton = new Button("Examiner key…");
        keyButton.setId("examiner-key");
        keyButton.setTooltip(new Tooltip("See the examiner key packages are signed with, make one, or save its public key"));
        keyButton.disableProperty().bind(vm.availableProperty().not());
        keyView = new ExaminerKeyView(vm);
        keyView.visibleProperty().bind(vm.keyPanelShownProperty());
        keyView.managedProperty().bind(keyView.visibleProperty());
        keyButton.setOnAction(e -> vm.toggleKeyPanel());
        ProgressBar progress = new ProgressBar();
        progress.setId("export-progress");
        progress.setPrefWidth(200);
        progress.progressProperty().bind(vm.exportProgressProperty());
        progress.visibleProperty().bind(running.or(planning));
        progress.managedProperty().bind(progress.visibleProperty());
        Button cancel = new Button("Cancel export");
        cancel.setId("export-cancel");
        cancel.visibleProperty().bind(running.or(planning).or(vm.exportStateProperty().isEqualTo(ExportState.NEEDS_PASSPHRASE)));
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancelExport());
        Label exportText = new Label();
        exportText.setId("export-message");
        exportText.setWrapText(true);
        exportText.textProperty().bind(vm.exportMessageProperty());
        HBox.setHgrow(exportText, Priority.ALWAYS);

        PasswordField passphrase = new PasswordField();
        passphrase.setId("export-passphrase");
        passphrase.setPromptText("passphrase of the examiner key");
        Button sign = new Button("Sign and export");
        sign.setId("export-sign");
        Runnable signNow = () -> {
            vm.exportWithPassphrase(passphrase.getText().toCharArray());
            passphrase.clear();
        };
        sign.setOnAction(e -> signNow.run());
        passphrase.setOnAction(e -> signNow.run());
        HBox passRow = new HBox(8, passphrase, sign);
        passRow.setAlignment(Pos.CENTER_LEFT);
        passRow.visibleProperty().bind(vm.exportStateProperty().isEqualTo(ExportState.NEEDS_PASSPHRASE));
        passRow.managedProperty().bind(passRow.visibleProperty());
        passRow.visibleProperty().addListener((o, a, v) -> {
            if (v) {
                passphrase.requestFocus();
            }
        });

        Label verdict = new Label();
        verdict.setId("export-verdict");
        Button openFolder = new Button("Open folder");
        openFolder.setId("export-open-folder");
        openFolder.disableProperty().bind(vm.folderOpenerProperty().isNull());
        openFolder.setOnAction(e -> vm.openExportFolder());
        TextField where = new TextField();
        where.setId("export-folder");
        where.setEditable(false);
        where.getStyleClass().add("mono");
        HBox.setHgrow(where, Priority.ALWAYS);
        HBox resultRow = new HBox(8, verdict, where, openFolder);
        resultRow.setAlignment(Pos.CENTER_LEFT);
        Runnable showReport = () -> {
            ExportReport r = vm.exportReportProperty().get();
            resultRow.setVisible(r != null);
            resultRow.setManaged(r != null);
            if (r != null) {
                verdict.setText(r.verified() ? "✔ verified" : "✘ check failed");
                verdict.getStyleClass().removeAll("verified", "not-verified");
                verdict.getStyleClass().add(r.verified() ? "verified" : "not-verified");
                where.setText(r.directory().toString());
            }
        };
        vm.exportReportProperty().addListener((o, a, b) -> showReport.run());
        showReport.run();
        FlowPane exportRow = new FlowPane(10, 6, export, disclosure, checkpoint, keyButton);
        exportRow.setAlignment(Pos.CENTER_LEFT);
        HBox progressRow = new HBox(10, progress, cancel, exportText);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.visibleProperty().bind(running.or(planning).or(vm.exportMessageProperty().isNotEmpty()));
        progressRow.managedProperty().bind(progressRow.visibleProperty());
        VBox exportBox = new VBox(6, blocked, exportRow, disclosureRow, progressRow, passRow, resultRow);
        exportBox.getStyleClass().add("case-section");
        RedactionReviewView reviewView = new RedactionReviewView(vm);
        reviewView.visibleProperty().bind(inReview);
        reviewView.managedProperty().bind(reviewView.visibleProperty());
        VBox.setVgrow(reviewView, Priority.ALWAYS);
        for (javafx.scene.Node n : List.of(chooser, table)) {
            n.visibleProperty().bind(inReview.not());
            n.managedProperty().bind(n.visibleProperty());
        }
        // the case's details and the clip editor make room for the review and for the examiner key's panel
        for (javafx.scene.Node n : List.of(details, editor)) {
            n.visibleProperty().bind(inReview.not().and(vm.keyPanelShownProperty().not()));
            n.managedProperty().bind(n.visibleProperty());
        }
        undoBar.visibleProperty().unbind();
        undoBar.visibleProperty().bind(vm.lastRemovedProperty().isNotNull().and(inReview.not()));

        Label message = new Label();
        message.setId("cases-message");
        message.textProperty().bind(vm.messageProperty());
        Label error = new Label();
        error.setId("cases-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(Bindings.isNotNull(vm.errorProperty()));
        error.managedProperty().bind(error.visibleProperty());
        setSpacing(10);
        getChildren().addAll(title, unavailable, chooser, details, table, editor, undoBar, reviewView, exportBox, keyView,
                message, error);
    }

    /** The still of each item's hit frame (loaded in the background, scaled to the row). */
    private static TableColumn<ItemRow, ItemRow> stillColumn() {
        TableColumn<ItemRow, ItemRow> c = new TableColumn<>("Still");
        c.setId("item-still");
        c.setPrefWidth(STILL_WIDTH + 12);
        c.setMinWidth(STILL_WIDTH + 12);
        c.setSortable(false);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.image.ImageView view = new javafx.scene.image.ImageView();

            {
                view.setFitWidth(STILL_WIDTH);
                view.setFitHeight(STILL_WIDTH * 9 / 16.0);
                view.setPreserveRatio(true);
                getStyleClass().add("item-still");
            }

            @Override
            protected void updateItem(ItemRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null || r.thumbnail() == null) {
                    view.setImage(null);
                    setGraphic(null);
                    return;
                }
                view.setImage(new javafx.scene.image.Image(r.thumbnail().toUri().toString(), STILL_WIDTH, 0, true, true, true));
                setGraphic(view);
            }
        });
        return c;
    }

    private static final double STILL_WIDTH = 80;

    /** Replaces the chooser of the audit checkpoint's file (tests; a window that wants its own). */
    public void setCheckpointPicker(Function<Window, File> picker) {
        this.checkpointPicker = picker;
    }

    private static File chooseCheckpointFile(Window owner) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Save the audit checkpoint (keep it off this workstation; Ctrl+L types a path)");
        chooser.setInitialFileName("sightline-audit-checkpoint-"
                + java.time.LocalDate.now().format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE) + ".json");
        return chooser.showSaveDialog(owner);
    }

    /** The examiner key's passphrase, asked in a small dialog; null when the user cancels. */
    private static char[] askPassphrase() {
        javafx.scene.control.Dialog<char[]> dialog = new javafx.scene.control.Dialog<>();
        dialog.setTitle("Examiner key");
        dialog.setHeaderText("The examiner key is protected: give its passphrase to sign the checkpoint.");
        PasswordField field = new PasswordField();
        field.setId("checkpoint-passphrase");
        dialog.getDialogPane().setContent(field);
        dialog.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK ? field.getText().toCharArray() : null);
        return dialog.showAndWait().orElse(null);
    }

    /** The examiner key's panel (shown by "Examiner key…"). */
    public ExaminerKeyView examinerKeyView() {
        return keyView;
    }

    /** Replaces the folder chooser (tests; a window that wants its own). */
    public void setFolderPicker(Function<Window, File> picker) {
        this.folderPicker = picker;
    }

    private void saveItem(TextField note, TextField tags, TextField in, TextField out) {
        ItemRow item = table.getSelectionModel().getSelectedItem();
        if (item != null) {
            vm.saveItem(item, note.getText(), tags.getText(), in.getText(), out.getText());
        }
    }

    private void selected(java.util.function.Consumer<ItemRow> action) {
        ItemRow item = table.getSelectionModel().getSelectedItem();
        if (item != null) {
            action.accept(item);
        }
    }

    private long selectedId = -1;

    private void reselect() {
        for (ItemRow r : vm.items()) {
            if (r.id() == selectedId) {
                table.getSelectionModel().select(r);
                return;
            }
        }
    }

    private static File chooseFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose where to write the evidence package (Ctrl+L types a path)");
        return chooser.showDialog(owner);
    }

    private static TextField field(String id, String prompt, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(columns);
        return f;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }

    private static TableColumn<ItemRow, String> column(String name, Function<ItemRow, String> f, double width) {
        TableColumn<ItemRow, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        // columns keep their width; a narrow window scrolls the table sideways instead of cutting every cell
        c.setMinWidth("Note".equals(name) ? 120 : width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        // a cut cell shows its whole text on hover
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isBlank() ? null : new Tooltip(item));
            }
        });
        return c;
    }

    /** A label and its field, kept on one line when the row wraps. */
    private static HBox pair(String text, javafx.scene.Node field) {
        HBox h = new HBox(6, label(text), field);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

}
