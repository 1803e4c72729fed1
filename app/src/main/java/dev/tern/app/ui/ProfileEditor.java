package dev.tern.app.ui;

import dev.tern.app.profile.AuthMethod;
import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.MoshOptions;
import dev.tern.app.profile.PredictionMode;
import dev.tern.app.profile.Profile;
import dev.tern.app.profile.ProfileField;
import dev.tern.app.profile.ProfileValidator;
import dev.tern.app.profile.TerminalOptions;
import dev.tern.app.secret.SecretStore;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/**
 * Creates or edits a profile. Each field shows its problem right under it as soon as it was touched (all of them
 * when the user presses Save); Save does nothing while anything is wrong. The password typed here goes to the
 * keychain only when "remember" is ticked; it is never part of the profile.
 */
public final class ProfileEditor extends Dialog<ProfileEditor.Result> {
    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    /**
     * @param password the password to remember in the keychain (only when {@code remember}); null otherwise
     */
    public record Result(Profile profile, boolean remember, String password) {
    }

    /** An entry of the Prediction box: a mode of the profile's own, or (null) the default from Settings. */
    public record PredictionChoice(PredictionMode mode) {
        public static final PredictionChoice DEFAULT = new PredictionChoice(null);

        @Override
        public String toString() {
            return mode == null ? "Default (from Settings)" : mode.toString();
        }
    }

    private final String profileId;
    private final TextField name = field("name-field", "e.g. Build server");
    private final ComboBox<String> group = new ComboBox<>();
    private final ChoiceBox<ConnectionKind> kind = new ChoiceBox<>();
    private final TextField host = field("host-field", "example.org or 192.0.2.10");
    private final TextField port = field("port-field", "22");
    private final TextField user = field("user-field", "your login name");
    private final ChoiceBox<AuthMethod> auth = new ChoiceBox<>();
    private final TextField keyFile = field("keyfile-field", "~/.ssh/id_ed25519");
    private final PasswordField password = new PasswordField();
    private final CheckBox remember = new CheckBox("Remember in the system keychain");
    private final TextField jumpHost = field("jumphost-field", "user@bastion:22 (optional)");
    private final TextField serverCommand = field("server-command-field", "mosh-server");
    private final TextField udpPorts = field("udp-ports-field", "any, or 60001 or 60001:60010");
    private final TextField udpHost = field("udp-host-field", "relay or NAT address (optional)");
    private final TextField udpPort = field("udp-port-field", "translated port (optional)");
    private final ChoiceBox<PredictionChoice> prediction = new ChoiceBox<>();
    private final CheckBox overwrite = new CheckBox("Predictions overwrite instead of insert");
    private final TextField locale = field("locale-field", "C.UTF-8 (optional)");
    private final TextField historySize = field("history-size-field",
            MoshOptions.DEFAULT_HISTORY_MEGABYTES + " (default), 0 for off");
    private final TextField serverTimeout = field("server-timeout-field",
            MoshOptions.formatServerTimeout(MoshOptions.DEFAULT_SERVER_TIMEOUT.toSeconds()) + " (default), or never");
    private final TextField startupCommand = field("startup-command-field", "e.g. tmux attach || tmux");
    private final ComboBox<String> fontFamily = new ComboBox<>();
    private final TextField fontSize = field("font-size-field", "default");
    private final ChoiceBox<String> colorScheme = new ChoiceBox<>();

    private final Map<ProfileField, Label> errorLabels = new EnumMap<>(ProfileField.class);
    private final Map<ProfileField, Node> controls = new EnumMap<>(ProfileField.class);
    private final Set<ProfileField> touched = EnumSet.noneOf(ProfileField.class);
    private final Map<Node, Boolean> remoteOnly = new LinkedHashMap<>();
    private final boolean keychainAvailable;
    private boolean showAll;

    /**
     * @param existing     the profile to edit, or a template for a new one
     * @param isNew        a new profile: title and empty-field messages differ
     * @param groups       existing group names, offered in the group box
     * @param secrets      for the "remember" box and its note
     * @param fontFamilies monospace fonts to offer
     * @param colorSchemes colour scheme names to offer
     */
    public ProfileEditor(Window owner, Profile existing, boolean isNew, Collection<String> groups,
                         SecretStore secrets, Collection<String> fontFamilies, Collection<String> colorSchemes) {
        initOwner(owner);
        this.profileId = existing.id();
        this.keychainAvailable = secrets.available();
        setTitle(isNew ? "New profile" : "Edit profile – " + existing.name());
        setHeaderText(null);
        getDialogPane().getStyleClass().add("profile-editor");
        getDialogPane().getStylesheets().add(dev.tern.app.ui.Theme.STYLESHEET);
        getDialogPane().getButtonTypes().addAll(SAVE, ButtonType.CANCEL);
        getDialogPane().setPrefWidth(620);

        group.setId("group-field");
        group.setEditable(true);
        group.getItems().addAll(groups.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
        group.setPromptText("none");
        group.setMaxWidth(Double.MAX_VALUE);
        kind.setId("kind-field");
        kind.getItems().addAll(ConnectionKind.values());
        auth.setId("auth-field");
        auth.getItems().addAll(AuthMethod.values());
        password.setId("password-field");
        password.setPromptText("asked when connecting if left empty");
        remember.setId("remember-field");
        prediction.setId("prediction-field");
        prediction.getItems().add(PredictionChoice.DEFAULT);
        for (PredictionMode mode : PredictionMode.values()) {
            prediction.getItems().add(new PredictionChoice(mode));
        }
        prediction.setValue(PredictionChoice.DEFAULT);
        overwrite.setId("overwrite-field");
        fontFamily.setId("font-family-field");
        fontFamily.setEditable(true);
        fontFamily.getItems().addAll(fontFamilies);
        fontFamily.setPromptText("default");
        fontFamily.setMaxWidth(Double.MAX_VALUE);
        colorScheme.setId("color-scheme-field");
        colorScheme.getItems().add("");
        colorScheme.getItems().addAll(colorSchemes);

        TabPane sections = new TabPane(
                section("General", general(isNew)),
                section("Authentication", authentication(secrets)),
                section("Mosh", moshSection()),
                section("Terminal", terminalSection()));
        sections.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sections.getStyleClass().add("editor-sections");
        getDialogPane().setContent(sections);

        fill(existing);
        kind.valueProperty().addListener((obs, old, value) -> updateEnabled());
        auth.valueProperty().addListener((obs, old, value) -> updateEnabled());
        updateEnabled();
        revalidate();

        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.setId("save-button");
        save.setDefaultButton(true);
        save.addEventFilter(ActionEvent.ACTION, event -> {
            showAll = true;
            if (!revalidate().isEmpty()) {
                event.consume();
                focusFirstError();
            }
        });
        setResultConverter(button -> button == SAVE
                ? new Result(build(), remember.isSelected(), remember.isSelected() ? password.getText() : null)
                : null);
        setOnShown(event -> name.requestFocus());
    }

    private Node general(boolean isNew) {
        FormGrid form = new FormGrid();
        register(ProfileField.NAME, name, form.add("Name", name));
        register(ProfileField.GROUP, group, form.add("Group", group));
        form.add("Kind", kind);
        register(ProfileField.HOST, host, remote(form.add("Host", host), host));
        register(ProfileField.PORT, port, remote(form.add("SSH port", port), port));
        register(ProfileField.USER, user, remote(form.add("User", user), user));
        register(ProfileField.JUMP_HOST, jumpHost, remote(form.add("Jump host", jumpHost), jumpHost));
        form.add("Startup command", startupCommand);
        if (isNew) {
            form.addWide(FormGrid.note("Tip: anything ~/.ssh/config says about the host (keys, ports, ProxyJump) "
                    + "applies too; fields set here win."));
        }
        return form;
    }

    private Node authentication(SecretStore secrets) {
        FormGrid form = new FormGrid();
        form.add("Method", auth);
        Button browse = new Button(null, Icons.of(Feather.FOLDER));
        browse.setOnAction(event -> chooseKeyFile());
        HBox keyRow = new HBox(6, keyFile, browse);
        HBox.setHgrow(keyFile, Priority.ALWAYS);
        register(ProfileField.KEY_FILE, keyFile, form.add("Key file", keyRow));
        form.add("Password", password);
        form.add("", remember);
        if (!keychainAvailable) {
            remember.setSelected(false);
            form.addWide(FormGrid.note(secrets.unavailableReason()));
        } else {
            form.addWide(FormGrid.note("Passwords are never written to the profiles file. Without \"remember\", "
                    + "Tern asks for the password each time."));
        }
        return form;
    }

    private Node moshSection() {
        FormGrid form = new FormGrid();
        register(ProfileField.SERVER_COMMAND, serverCommand, form.add("Server command", serverCommand));
        register(ProfileField.UDP_PORTS, udpPorts, form.add("UDP port or range", udpPorts));
        register(ProfileField.UDP_HOST_OVERRIDE, udpHost, form.add("UDP host override", udpHost));
        register(ProfileField.UDP_PORT_OVERRIDE, udpPort, form.add("UDP port override", udpPort));
        form.add("Prediction", prediction);
        form.add("", overwrite);
        register(ProfileField.LOCALE, locale, form.add("Locale", locale));
        register(ProfileField.SERVER_TIMEOUT, serverTimeout, form.add("Abandoned server ends after",
                serverTimeout));
        register(ProfileField.HISTORY_SIZE, historySize, form.add("Complete history kept (MB)", historySize));
        form.addWide(FormGrid.note("The overrides are for relays and NAT: Tern sends UDP there instead of to the "
                + "SSH host and the port mosh-server chose. Prediction and overwrite also change open tabs. A server "
                + "whose client vanished for good ends by itself after the given time (new servers). Complete "
                + "history: the session's shell runs under the server's own 'script', which writes its output to "
                + "/dev/shm/tern-history-<uid>/ (or $XDG_RUNTIME_DIR, $TMPDIR), readable only by you, at most the "
                + "given size (oldest dropped), removed when the session ends; Tern fetches it over SSH to fill the "
                + "lines mosh skips. 0 turns it off."));
        return form;
    }

    private Node terminalSection() {
        FormGrid form = new FormGrid();
        form.add("Font", fontFamily);
        register(ProfileField.FONT_SIZE, fontSize, form.add("Font size", fontSize));
        form.add("Colour scheme", colorScheme);
        form.addWide(FormGrid.note("Empty fields use the defaults from Settings."));
        return form;
    }

    private static Tab section(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("section-" + title.toLowerCase(java.util.Locale.ROOT));
        return tab;
    }

    private Label remote(Label error, Node control) {
        remoteOnly.put(control, Boolean.TRUE);
        return error;
    }

    private void register(ProfileField field, Node control, Label error) {
        errorLabels.put(field, error);
        controls.put(field, control);
        Runnable touch = () -> {
            touched.add(field);
            revalidate();
        };
        switch (control) {
            case TextInputControl text -> text.textProperty().addListener((obs, old, value) -> touch.run());
            case ComboBox<?> combo -> combo.getEditor().textProperty().addListener((obs, old, value) -> touch.run());
            default -> {
            }
        }
    }

    private void fill(Profile profile) {
        name.setText(profile.name());
        group.getEditor().setText(profile.group());
        group.setValue(profile.group());
        kind.setValue(profile.kind());
        host.setText(profile.host());
        port.setText(profile.port() == null ? "" : String.valueOf(profile.port()));
        user.setText(profile.user());
        auth.setValue(profile.auth());
        keyFile.setText(profile.keyFile());
        remember.setSelected(profile.rememberPassword() && keychainAvailable);
        jumpHost.setText(profile.jumpHost());
        MoshOptions mosh = profile.mosh();
        serverCommand.setText(mosh.serverCommand());
        udpPorts.setText(mosh.udpPorts());
        udpHost.setText(mosh.udpHostOverride());
        udpPort.setText(mosh.udpPortOverride() == null ? "" : String.valueOf(mosh.udpPortOverride()));
        prediction.setValue(new PredictionChoice(mosh.prediction()));
        overwrite.setSelected(mosh.predictOverwrite());
        locale.setText(mosh.locale());
        serverTimeout.setText(MoshOptions.formatServerTimeout(mosh.serverTimeoutSeconds()));
        historySize.setText(mosh.historyMegabytes() == null ? "" : mosh.historyMegabytes().toString());
        startupCommand.setText(profile.startupCommand());
        fontFamily.getEditor().setText(profile.terminal().fontFamily());
        fontFamily.setValue(profile.terminal().fontFamily());
        fontSize.setText(profile.terminal().fontSize() == null ? "" : String.valueOf(profile.terminal().fontSize()));
        colorScheme.setValue(profile.terminal().colorScheme());
        touched.clear();
    }

    /** The profile as the fields say now; unparsable numbers become out-of-range values the validator names. */
    Profile build() {
        MoshOptions mosh = new MoshOptions(serverCommand.getText(), udpPorts.getText(), udpHost.getText(),
                number(udpPort.getText()), prediction.getValue() == null ? null : prediction.getValue().mode(),
                overwrite.isSelected(), locale.getText(), MoshOptions.parseServerTimeout(serverTimeout.getText()),
                number(historySize.getText()));
        TerminalOptions terminal = new TerminalOptions(fontFamily.getEditor().getText(), number(fontSize.getText()),
                colorScheme.getValue());
        boolean rememberPassword = auth.getValue() == AuthMethod.PASSWORD && remember.isSelected();
        return new Profile(profileId, name.getText(), group.getEditor().getText(), kind.getValue(), host.getText(),
                number(port.getText()), user.getText(), auth.getValue(), keyFile.getText(), jumpHost.getText(),
                rememberPassword, mosh, startupCommand.getText(), terminal);
    }

    /** Blank is null; anything that is not a small number becomes -1, which every range check rejects. */
    private static Integer number(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.length() > 6 || !t.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(t);
    }

    /** Shows the current problems of touched fields (all after a Save attempt); returns all problems. */
    Map<ProfileField, String> revalidate() {
        Map<ProfileField, String> errors = ProfileValidator.validate(build());
        errorLabels.forEach((field, label) -> {
            String message = errors.get(field);
            boolean show = message != null && (showAll || touched.contains(field));
            label.setText(show ? message : "");
            Node control = controls.get(field);
            control.getStyleClass().remove("invalid");
            if (show) {
                control.getStyleClass().add("invalid");
            }
        });
        return errors;
    }

    private void focusFirstError() {
        errorLabels.entrySet().stream().filter(e -> !e.getValue().getText().isEmpty()).findFirst()
                .map(e -> controls.get(e.getKey())).ifPresent(control -> {
                    selectSectionOf(control);
                    control.requestFocus();
                });
    }

    private void selectSectionOf(Node control) {
        TabPane sections = (TabPane) getDialogPane().getContent();
        for (Tab tab : sections.getTabs()) {
            for (Node node = control; node != null; node = node.getParent()) {
                if (node == tab.getContent()) {
                    sections.getSelectionModel().select(tab);
                    return;
                }
            }
        }
    }

    private void updateEnabled() {
        boolean isRemote = kind.getValue() != null && kind.getValue().isRemote();
        remoteOnly.keySet().forEach(control -> control.setDisable(!isRemote));
        auth.setDisable(!isRemote);
        boolean keyAuth = auth.getValue() == AuthMethod.KEY_FILE;
        keyFile.setDisable(!isRemote || !keyAuth);
        boolean passwordAuth = isRemote && auth.getValue() == AuthMethod.PASSWORD;
        password.setDisable(!passwordAuth);
        remember.setDisable(!passwordAuth || !keychainAvailable);
        boolean mosh = kind.getValue() == ConnectionKind.MOSH;
        for (TextField field : new TextField[] {serverCommand, udpPorts, udpHost, udpPort, locale, serverTimeout,
                historySize}) {
            field.setDisable(!mosh);
        }
        prediction.setDisable(!mosh);
        overwrite.setDisable(!mosh);
        revalidate();
    }

    private void chooseKeyFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a private key");
        initialKeyFolder(keyFile.getText(), Path.of(System.getProperty("user.home")))
                .ifPresent(folder -> chooser.setInitialDirectory(folder.toFile()));
        Optional.ofNullable(chooser.showOpenDialog(getOwner())).ifPresent(file -> keyFile.setText(file.getPath()));
    }

    /**
     * Where the key chooser opens: the folder of the key file named in the field, else {@code ~/.ssh} (where keys
     * live), else the home folder; empty when none exists (the chooser then picks, usually the working folder,
     * where no key is).
     */
    static Optional<Path> initialKeyFolder(String keyFileText, Path home) {
        List<Path> candidates = new ArrayList<>();
        String named = keyFileText == null ? "" : keyFileText.strip();
        if (!named.isEmpty()) {
            try {
                Path file = named.equals("~") || named.startsWith("~/") ? home.resolve(named.substring(1)
                        .replaceFirst("^/", "")) : Path.of(named);
                Optional.ofNullable(file.toAbsolutePath().getParent()).ifPresent(candidates::add);
            } catch (InvalidPathException notAPath) {
                // typed text that is no path: start where keys usually are
            }
        }
        candidates.add(home.resolve(".ssh"));
        candidates.add(home);
        return candidates.stream().filter(Files::isDirectory).findFirst();
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }
}
