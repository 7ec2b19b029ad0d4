package org.sightline.desktop.cases;

import java.io.File;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sightline.desktop.cases.CaseFiles.KeyInfo;

/**
 * The examiner key: whether one exists (name, fingerprint, protected or not), making one (name, optional passphrase
 * typed twice), and saving its public key to a file for the other side. Every action is audited by the indexer.
 */
public final class ExaminerKeyView extends VBox {
    private Function<Window, File> publicKeyPicker = ExaminerKeyView::choosePublicKeyFile;

    public ExaminerKeyView(CasesViewModel vm) {
        setId("examiner-key-view");
        getStyleClass().add("case-section");
        setSpacing(6);
        Label title = new Label("Examiner key");
        title.getStyleClass().add("subheading");
        Label status = new Label();
        status.setId("key-status");
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.getStyleClass().add("mono");
        status.textProperty().bind(Bindings.createStringBinding(() -> describe(vm.examinerKeyProperty().get()),
                vm.examinerKeyProperty()));

        TextField name = new TextField();
        name.setId("key-name");
        name.setPromptText("examiner's name");
        name.setPrefColumnCount(14);
        PasswordField pass = new PasswordField();
        pass.setId("key-passphrase");
        pass.setPromptText("passphrase (optional)");
        PasswordField again = new PasswordField();
        again.setId("key-passphrase-again");
        again.setPromptText("passphrase again");
        Button create = new Button("Create key");
        create.setId("key-create");
        create.getStyleClass().add("primary-button");
        create.setOnAction(e -> {
            vm.createExaminerKey(name.getText(), pass.getText().toCharArray(), again.getText().toCharArray());
            pass.clear();
            again.clear();
        });
        FlowPane createRow = new FlowPane(8, 6, pair("Name", name), pass, again, create);
        createRow.setAlignment(Pos.CENTER_LEFT);
        createRow.visibleProperty().bind(Bindings.createBooleanBinding(() -> !vm.examinerKeyProperty().get().exists(),
                vm.examinerKeyProperty()));
        createRow.managedProperty().bind(createRow.visibleProperty());

        Button save = new Button("Save public key…");
        save.setId("key-save-public");
        save.setOnAction(e -> {
            File f = publicKeyPicker.apply(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                vm.savePublicKey(f.toPath());
            }
        });
        save.visibleProperty().bind(createRow.visibleProperty().not());
        save.managedProperty().bind(save.visibleProperty());
        Label message = new Label();
        message.setId("key-message");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.keyMessageProperty());
        HBox actions = new HBox(8, save);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, status, createRow, actions, message);
    }

    private static String describe(KeyInfo k) {
        if (k == null || !k.exists()) {
            return "No examiner key yet. Exports and checkpoints are signed with it (one is made on the first export when"
                    + " there is none); make it here to choose the name and a passphrase.";
        }
        return "Name: " + k.name() + "\nFingerprint: " + k.fingerprint() + "\n"
                + (k.passphraseProtected() ? "Protected by a passphrase" : "Not protected by a passphrase")
                + (k.created() == null ? "" : " · made " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                        .format(k.created().atOffset(ZoneOffset.UTC)));
    }

    /** Replaces the chooser of the public key's file (tests; a window that wants its own). */
    public void setPublicKeyPicker(Function<Window, File> picker) {
        this.publicKeyPicker = picker;
    }

    private static File choosePublicKeyFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the examiner's public key (for whoever checks the packages; Ctrl+L types a path)");
        chooser.setInitialFileName("sightline-examiner-public-key.pem");
        return chooser.showSaveDialog(owner);
    }

    private static HBox pair(String text, javafx.scene.Node field) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        HBox h = new HBox(6, l, field);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }
}
