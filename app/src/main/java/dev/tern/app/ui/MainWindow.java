package dev.tern.app.ui;

import dev.tern.app.profile.AppSettings;
import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.Profile;
import dev.tern.app.profile.ProfileEdit;
import dev.tern.app.profile.ProfileEdits;
import dev.tern.app.profile.ProfileStore;
import dev.tern.app.profile.ProfilesFileException;
import dev.tern.app.profile.QuickConnect;
import dev.tern.app.profile.QuitChoice;
import dev.tern.app.profile.SshConfigImport;
import dev.tern.app.profile.TernCommandLine;
import dev.tern.app.secret.SecretStore;
import dev.tern.app.session.SessionLauncher;
import dev.tern.app.settings.OpenTab;
import dev.tern.app.settings.WindowState;
import dev.tern.app.settings.WindowStateStore;
import dev.tern.app.ui.dialogs.KeychainPasswordMemory;
import dev.tern.app.ui.dialogs.LoginDialogs;
import dev.tern.app.ui.dialogs.PasswordMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;

/**
 * The main window: toolbar with quick connect, the profile sidebar, the session tabs, and a notice bar. Owns the
 * user's actions on profiles (each saved through the {@link ProfileStore} as an edit of what the user saw).
 */
public final class MainWindow implements SidebarActions {
    /** Opens Settings, as Ctrl+, (Cmd+, on macOS) does in most desktop apps. */
    public static final KeyCombination OPEN_SETTINGS = new KeyCodeCombination(KeyCode.COMMA,
            KeyCombination.SHORTCUT_DOWN);
    /** The terminal widget's colour schemes, by name. */
    public static final List<String> COLOR_SCHEMES = dev.tern.widget.ColorScheme.builtIn().stream()
            .map(dev.tern.widget.ColorScheme::name).toList();

    private final Stage stage;
    private final ProfileStore store;
    private final WindowStateStore windowStore;
    private final SecretStore secrets;
    private final Confirmations confirmations;
    private final Path userHome;
    private final NoticeBar notices = new NoticeBar();
    private final SessionTabs tabs;
    private final ProfileSidebar sidebar;
    private final SplitPane split = new SplitPane();
    private final TextField quickConnect = new TextField();
    private final ToggleGroup quickKind = new ToggleGroup();
    private final Label status = new Label();
    private boolean restoring;
    private boolean quitting;
    /** What this quit does with the sessions that can be kept: the answer to the quit question, or the setting. */
    private QuitChoice quitChoice;

    /**
     * @param confirmations null for the real alert dialogs
     * @param userHome      where {@code ~/.ssh/config} is looked for (tests pass a temp folder)
     */
    public MainWindow(Stage stage, ProfileStore store, WindowStateStore windowStore, SecretStore secrets,
                      SessionLauncher launcher, Confirmations confirmations, Path userHome) {
        this.stage = stage;
        this.store = store;
        this.windowStore = windowStore;
        this.secrets = secrets;
        this.userHome = userHome;
        this.confirmations = confirmations != null ? confirmations : new AlertConfirmations(() -> stage);
        LoginDialogs prompts = new LoginDialogs(() -> stage, passwordMemory());
        this.tabs = new SessionTabs(launcher, () -> store.current().settings(), prompts, this.confirmations);
        this.sidebar = new ProfileSidebar(this, tabs.liveStates());
        // the session janitor (docs/PROTOCOL.md §8.5): marks of detached sessions, and "Sessions on this host…"
        launcher.janitor().ifPresent(janitor -> {
            DetachedMarks marks = DetachedMarks.follow(sidebar, janitor, () -> store.current().profiles());
            sidebar.setOnSessionsOnHost(profile -> new HostSessionsDialog(stage, profile, janitor, prompts,
                    (p, id) -> tabs.open(p, OpenTab.saved(p.id()).withSessionId(id)), marks::refresh).show());
        });
    }

    /** Loads profiles and window state, builds the scene and shows the window. */
    public void show() {
        var report = store.load();
        WindowState state = windowStore.load();

        split.getItems().addAll(sidebar, tabs);
        split.setId("main-split");
        SplitPane.setResizableWithParent(sidebar, false);
        split.setDividerPositions(state.sidebarWidth());
        sidebar.setMinWidth(180);

        BorderPane root = new BorderPane(split);
        root.setTop(new VBox(toolbar(), notices));
        root.setBottom(statusBar());
        root.getStyleClass().add("tern-root");

        Scene scene = new Scene(root, state.width(), state.height());
        Theme.apply(store.current().settings().theme(), scene);
        Theme.followSystem(() -> store.current().settings().theme(), scene);
        tabs.installShortcuts(scene);
        // a filter, not the menu item's accelerator: the terminal would take the key before an accelerator sees it
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (OPEN_SETTINGS.match(event)) {
                event.consume();
                openSettings();
            }
        });
        tabs.setOnNewLocalTab(this::openLocalTab);
        tabs.setOnTabsChanged(this::tabsChanged);
        tabs.setOnEditProfile(this::editProfileOf);

        stage.setTitle("Tern");
        stage.setScene(scene);
        if (state.x() != null && state.y() != null) {
            stage.setX(state.x());
            stage.setY(state.y());
        }
        stage.setMaximized(state.maximized());
        // six PNGs to decode, which only the window manager's task list shows
        FirstFrame.then(scene, () -> {
            stage.getIcons().setAll(AppIcon.images());
            secrets.warmUp(); // opening the keychain forks and loads D-Bus classes: not before the first frame
        });
        stage.setOnCloseRequest(event -> {
            if (!confirmQuit()) {
                event.consume();
            }
        });
        stage.setOnHidden(event -> {
            // a quit without the question (a signal, or nothing to keep) follows the remembered choice
            boolean keep = (quitChoice != null ? quitChoice : store.current().settings().onQuit()) == QuitChoice.KEEP;
            // the sessions end because Tern quits, not because the user ended them: the tabs stay saved to reopen,
            // with their sessions when those are kept
            saveWindowState(keep);
            quitting = true;
            if (keep) {
                tabs.detachAllSessions();
            } else {
                tabs.closeAllSessions();
            }
        });

        refreshProfiles();
        if (!report.notices().isEmpty()) {
            if (report.problem()) {
                notices.warn(report.notices());
            } else {
                notices.info(String.join("\n", report.notices()));
            }
        }
        restoreTabs(state);
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    public SessionTabs tabs() {
        return tabs;
    }

    public ProfileSidebar sidebar() {
        return sidebar;
    }

    public NoticeBar notices() {
        return notices;
    }

    // ---- sidebar actions ----

    @Override
    public void connect(Profile profile) {
        tabs.open(profile, OpenTab.saved(profile.id()));
    }

    @Override
    public void edit(Profile profile) {
        ProfileEditor editor = editor(profile, false);
        editor.showAndWait().ifPresent(result -> {
            if (apply(ProfileEdits.save(profile, result.profile()))) {
                rememberPassword(result);
                sidebar.select(result.profile().id());
                applyToOpenTabs();
            }
        });
    }

    @Override
    public void duplicate(Profile profile) {
        Profile copy = profile.duplicate(uniqueName(profile.name() + " copy"));
        if (apply(ProfileEdits.add(List.of(copy)))) {
            sidebar.select(copy.id());
        }
    }

    @Override
    public void delete(Profile profile) {
        if (!confirmations.confirm("Delete profile", "Delete the profile '" + profile.name() + "'? Open tabs stay "
                + "open.", "Delete")) {
            return;
        }
        if (apply(ProfileEdits.delete(profile)) && store.current().find(profile.id()).isEmpty()) {
            secrets.delete(profile.id());
        }
    }

    @Override
    public void copyCommandLine(Profile profile) {
        TernCommandLine.render(profile).ifPresent(line -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(line);
            Clipboard.getSystemClipboard().setContent(content);
            notices.info("Copied: " + line);
        });
    }

    @Override
    public void create(String group) {
        createFrom(Profile.remote("", group, ConnectionKind.MOSH, "", "", null));
    }

    @Override
    public void importSshConfig() {
        importSshConfigInteractively();
    }

    /** The new-profile editor, filled in from {@code template}; a saved result is selected in the sidebar. */
    private void createFrom(Profile template) {
        editor(template, true).showAndWait().ifPresent(result -> {
            if (apply(ProfileEdits.add(List.of(result.profile())))) {
                rememberPassword(result);
                sidebar.select(result.profile().id());
                // a failed quick-connect tab saved as a profile retries with it
                applyToOpenTabs();
            }
        });
    }

    /**
     * A failed tab's "Edit profile": the editor of its saved profile, or for a quick-connect tab (or one whose
     * profile was deleted) the new-profile editor filled in from it, so that the fix is kept. Retry then uses it.
     */
    private void editProfileOf(SessionTab tab) {
        store.current().find(tab.profile().id()).ifPresentOrElse(this::edit, () -> createFrom(tab.profile()));
    }

    // ---- toolbar actions ----

    /** Connects to what is typed in the quick-connect field; a typing error is shown, nothing opens. */
    public void quickConnect() {
        ConnectionKind kind = quickKind.getSelectedToggle() != null
                ? (ConnectionKind) quickKind.getSelectedToggle().getUserData() : ConnectionKind.MOSH;
        QuickConnect.Result result = QuickConnect.parse(quickConnect.getText(), kind);
        quickConnect.getStyleClass().remove("invalid");
        if (!result.ok()) {
            quickConnect.getStyleClass().add("invalid");
            quickConnect.setTooltip(new Tooltip(result.error()));
            notices.warn("Quick connect: " + result.error());
            return;
        }
        quickConnect.setTooltip(null);
        tabs.open(result.profile(), OpenTab.unsaved(kind, quickConnect.getText().strip()));
        quickConnect.clear();
    }

    public void openLocalTab() {
        tabs.open(Profile.local("Local shell"), OpenTab.unsaved(ConnectionKind.LOCAL, ""));
    }

    /** Imports the concrete hosts of an OpenSSH config file; hosts already present (same name) are skipped. */
    public int importSshConfig(Path config, ConnectionKind kind) {
        String text;
        try {
            // as bytes, as ssh does: a stray Latin-1 byte in a comment must not hide every host of the file
            text = dev.tern.transport.ssh.ConfigText.read(config);
        } catch (IOException e) {
            notices.warn("Could not read " + config + ": " + e.getMessage());
            return 0;
        }
        SshConfigImport.Result result = SshConfigImport.parse(text, kind);
        Set<String> existing = store.current().profiles().stream().map(p -> p.name() + "\0" + p.group())
                .collect(Collectors.toSet());
        List<Profile> fresh = result.profiles().stream()
                .filter(p -> !existing.contains(p.name() + "\0" + p.group())).toList();
        if (!fresh.isEmpty() && !apply(ProfileEdits.add(fresh))) {
            return 0;
        }
        int skipped = result.profiles().size() - fresh.size();
        List<String> lines = new ArrayList<>();
        lines.add("Imported " + fresh.size() + " host" + (fresh.size() == 1 ? "" : "s") + " from " + config
                + (skipped > 0 ? " (" + skipped + " already present)" : "") + " into the group '"
                + SshConfigImport.GROUP + "'.");
        lines.addAll(result.notes());
        notices.info(String.join("\n", lines));
        return fresh.size();
    }

    public void exportProfiles(Path target) {
        try {
            store.exportTo(target, store.current().profiles());
            notices.info("Exported " + store.current().profiles().size() + " profiles to " + target
                    + ". Passwords are not included.");
        } catch (IOException e) {
            notices.warn("Could not export to " + target + ": " + e.getMessage());
        }
    }

    public void importProfiles(Path source) {
        try {
            List<Profile> imported = ProfileStore.readExport(source);
            if (apply(ProfileEdits.add(imported))) {
                notices.info("Imported " + imported.size() + " profiles from " + source + ".");
            }
        } catch (IOException | ProfilesFileException e) {
            notices.warn("Could not import " + source + ": " + e.getMessage());
        }
    }

    /**
     * The process is ending on a signal (a logout, {@code kill}): from now on the tabs ending with it are not saved
     * as closed. Without this, a local tab whose shell went first was left out of the tabs to reopen, as a tab the
     * user had ended, whenever the window's own close came too late (JavaFX's shutdown races the signal's). Any thread.
     */
    public void processEnding() {
        tabs.processEnding();
    }

    /** Saves geometry, sidebar width and open tabs (called on close and whenever the tabs change). */
    public void saveWindowState() {
        saveWindowState(true);
    }

    /** @param withSessions whether the open tabs take up their kept sessions on the next start (else new ones) */
    private void saveWindowState(boolean withSessions) {
        if (stage.getScene() == null) {
            return;
        }
        boolean maximized = stage.isMaximized();
        List<OpenTab> open = tabs.openTabRecords();
        if (!withSessions) {
            open = open.stream().map(record -> record.withSessionId(null)).toList();
        }
        WindowState current = new WindowState(stage.getX(), stage.getY(), stage.getScene().getWidth(),
                stage.getScene().getHeight(), maximized, split.getDividerPositions()[0], open,
                tabs.selectedRecordIndex());
        try {
            windowStore.save(current);
        } catch (IOException e) {
            notices.warn("Could not save the window layout: " + e.getMessage());
        }
    }

    // ---- internals ----

    private HBox toolbar() {
        Label brand = new Label("Tern", Icons.of(Feather.TERMINAL));
        brand.getStyleClass().add("brand");

        Button newProfile = toolButton(Feather.PLUS, "New profile", () -> create(""));
        newProfile.setId("new-profile-button");
        Button newLocal = toolButton(Feather.TERMINAL, "New local tab (" + SessionTabs.NEW_LOCAL_TAB.getDisplayText()
                + ")", this::openLocalTab);
        newLocal.setId("new-local-tab-button");

        quickConnect.setId("quick-connect-field");
        quickConnect.setPromptText("Quick connect: user@host[:port]");
        quickConnect.setPrefColumnCount(24);
        quickConnect.getStyleClass().add("quick-connect");
        quickConnect.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                quickConnect();
                event.consume();
            }
        });
        ToggleButton mosh = kindToggle("Mosh", ConnectionKind.MOSH);
        ToggleButton ssh = kindToggle("SSH", ConnectionKind.SSH);
        mosh.setSelected(true);
        mosh.getStyleClass().add("left-pill");
        ssh.getStyleClass().add("right-pill");
        HBox kindSwitch = new HBox(mosh, ssh);
        kindSwitch.getStyleClass().add("segmented");
        Button go = toolButton(Feather.ARROW_RIGHT, "Connect", this::quickConnect);
        go.setId("quick-connect-button");
        go.getStyleClass().add("accent");

        MenuButton more = new MenuButton(null, Icons.of(Feather.MORE_VERTICAL));
        more.setId("more-menu");
        more.getStyleClass().add("flat");
        more.getItems().addAll(
                menuItem("Import hosts from ~/.ssh/config…", Feather.DOWNLOAD, this::importSshConfigInteractively),
                menuItem("Import profiles file…", Feather.UPLOAD, this::importProfilesInteractively),
                menuItem("Export profiles…", Feather.SAVE, this::exportProfilesInteractively),
                menuItem("Settings…", Feather.SETTINGS, this::openSettings));
        more.getItems().getLast().setAccelerator(OPEN_SETTINGS);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, brand, newProfile, newLocal, spacer, quickConnect, kindSwitch, go, more);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("tool-bar-row");
        return bar;
    }

    private HBox statusBar() {
        status.setId("status-text");
        HBox bar = new HBox(status);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private ToggleButton kindToggle(String text, ConnectionKind kind) {
        ToggleButton toggle = new ToggleButton(text, Icons.forKind(kind));
        toggle.setId("quick-kind-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        toggle.setUserData(kind);
        toggle.setToggleGroup(quickKind);
        // one of the two is always chosen
        toggle.setOnAction(event -> toggle.setSelected(true));
        return toggle;
    }

    private static Button toolButton(Feather icon, String tooltip, Runnable action) {
        Button button = new Button(null, Icons.of(icon));
        button.setTooltip(new Tooltip(tooltip));
        button.getStyleClass().add("tool-button");
        button.setOnAction(event -> action.run());
        return button;
    }

    private static MenuItem menuItem(String text, Feather icon, Runnable action) {
        MenuItem item = new MenuItem(text, Icons.of(icon));
        item.setOnAction(event -> action.run());
        return item;
    }

    private ProfileEditor editor(Profile profile, boolean isNew) {
        Set<String> groups = store.current().profiles().stream().map(Profile::group).filter(g -> !g.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        return new ProfileEditor(stage, profile, isNew, groups, secrets, monospaceFonts(), COLOR_SCHEMES);
    }

    static List<String> monospaceFonts() {
        List<String> preferred = List.of("Monospaced", "JetBrains Mono", "Fira Code", "DejaVu Sans Mono",
                "Liberation Mono", "Cascadia Mono", "Consolas", "Menlo", "SF Mono", "Ubuntu Mono", "Source Code Pro");
        Set<String> installed = new TreeSet<>(Font.getFamilies());
        return preferred.stream().filter(f -> f.equals("Monospaced") || installed.contains(f)).toList();
    }

    private void rememberPassword(ProfileEditor.Result result) {
        String id = result.profile().id();
        if (!result.profile().rememberPassword()) {
            secrets.delete(id);
        } else if (result.password() != null && !result.password().isEmpty()
                && !secrets.store(id, result.password())) {
            notices.warn("The password could not be stored in the system keychain; Tern will ask for it.");
        }
    }

    /** Saves an edit; shows what the store reports. False when it could not be saved. */
    private boolean apply(ProfileEdit edit) {
        try {
            List<String> reported = store.update(edit);
            refreshProfiles();
            if (!reported.isEmpty()) {
                notices.warn(reported);
            }
            return true;
        } catch (IOException e) {
            notices.warn("Profiles could not be saved: " + e.getMessage());
            refreshProfiles();
            return false;
        }
    }

    private void refreshProfiles() {
        sidebar.setProfiles(store.current().profiles());
        updateStatus();
    }

    private void updateStatus() {
        int count = store.current().profiles().size();
        status.setText(count + " profile" + (count == 1 ? "" : "s") + " · " + tabs.tabs().size() + " open · "
                + store.file());
    }

    private void tabsChanged() {
        updateStatus();
        if (!restoring && !quitting && !tabs.processIsEnding()) {
            saveWindowState();
        }
    }

    private void restoreTabs(WindowState state) {
        restoring = true;
        try {
            for (OpenTab record : state.openTabs()) {
                reopen(record);
            }
            tabs.select(state.selectedTab());
            tabs.focusSelected();
            RestoreProbe.watch(tabs.tabs());
        } finally {
            restoring = false;
        }
    }

    private void reopen(OpenTab record) {
        if (record.profileId() != null) {
            store.current().find(record.profileId()).ifPresent(profile -> tabs.open(profile, record));
        } else if (record.kind() == ConnectionKind.LOCAL) {
            openLocalTab();
        } else if (record.kind() != null) {
            QuickConnect.Result result = QuickConnect.parse(record.target(), record.kind());
            if (result.ok()) {
                tabs.open(result.profile(), record);
            }
        }
    }

    /**
     * Asks before quitting with live sessions. Where some can be kept (Mosh tabs with a journal), the question is
     * whether to keep them for the next start or end them, asked once if the user wants it remembered.
     */
    private boolean confirmQuit() {
        long live = tabs.liveCount();
        if (live == 0) {
            return true;
        }
        long keepable = tabs.keepableCount();
        if (keepable == 0) {
            return confirmations.confirm("Quit Tern", live + " session" + (live == 1 ? " is" : "s are")
                    + " still open. Quitting ends " + (live == 1 ? "it" : "them")
                    + "; they reopen (and reconnect) the next time Tern starts.", "_Quit");
        }
        QuitChoice remembered = store.current().settings().onQuit();
        if (remembered != QuitChoice.ASK) {
            quitChoice = remembered;
            return true;
        }
        long others = live - keepable;
        String message = keepable + " Mosh session" + (keepable == 1 ? " is" : "s are") + " open. Keep "
                + (keepable == 1 ? "it" : "them") + " for next time (the server" + (keepable == 1 ? " keeps" : "s keep")
                + " running, and the next start takes " + (keepable == 1 ? "it" : "them") + " up again, screen and "
                + "all), or end " + (keepable == 1 ? "it" : "them") + " now?"
                + (others == 0 ? "" : " The " + others + " other session" + (others == 1 ? "" : "s")
                + " (local and SSH) end either way, and reopen as new ones.");
        var answer = confirmations.askQuit("Quit Tern", message);
        if (answer.isEmpty()) {
            return false;
        }
        quitChoice = answer.get().choice();
        if (answer.get().remember()) {
            apply(ProfileEdits.settings(store.current().settings().withOnQuit(quitChoice)));
        }
        return true;
    }

    private String uniqueName(String wanted) {
        Set<String> names = store.current().profiles().stream().map(Profile::name).collect(Collectors.toSet());
        String name = wanted;
        for (int n = 2; names.contains(name); n++) {
            name = wanted + " " + n;
        }
        return name;
    }

    private void importSshConfigInteractively() {
        Path config = userHome.resolve(".ssh").resolve("config");
        if (!Files.isRegularFile(config)) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose an OpenSSH config file");
            var file = chooser.showOpenDialog(stage);
            if (file == null) {
                return;
            }
            config = file.toPath();
        }
        ChoiceDialog<ConnectionKind> kind = new ChoiceDialog<>(ConnectionKind.SSH, ConnectionKind.SSH,
                ConnectionKind.MOSH);
        kind.initOwner(stage);
        kind.setTitle("Import from " + config);
        kind.setHeaderText("Connect the imported hosts with:");
        Optional<ConnectionKind> chosen = kind.showAndWait();
        Path source = config;
        chosen.ifPresent(k -> importSshConfig(source, k));
    }

    private void importProfilesInteractively() {
        FileChooser chooser = jsonChooser("Import profiles");
        Optional.ofNullable(chooser.showOpenDialog(stage)).ifPresent(file -> importProfiles(file.toPath()));
    }

    private void exportProfilesInteractively() {
        FileChooser chooser = jsonChooser("Export profiles");
        chooser.setInitialFileName("tern-profiles.json");
        Optional.ofNullable(chooser.showSaveDialog(stage)).ifPresent(file -> exportProfiles(file.toPath()));
    }

    private static FileChooser jsonChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Tern profiles (*.json)", "*.json"));
        return chooser;
    }

    /**
     * The settings dialog; saved settings apply at once: the theme, and in every open tab the font, colour scheme
     * and cursor (where its profile has none of its own) and the default local echo of Mosh tabs. Only the
     * scrollback size waits for a tab's next view.
     */
    public void openSettings() {
        AppSettings before = store.current().settings();
        new SettingsDialog(stage, before, monospaceFonts(), COLOR_SCHEMES).showAndWait().ifPresent(settings -> {
            if (apply(ProfileEdits.settings(settings))) {
                Theme.apply(settings.theme(), stage.getScene());
                applyToOpenTabs();
            }
        });
    }

    /**
     * Hands the saved profiles and settings to the open tabs, each with its profile as saved now (a tab of a
     * deleted or quick-connect profile keeps the one it was opened with). Each tab changes its look (font, colour
     * scheme, cursor) and a Mosh tab its local echo at once.
     */
    void applyToOpenTabs() {
        AppSettings settings = store.current().settings();
        for (SessionTab tab : tabs.tabs()) {
            Profile current = store.current().find(tab.profile().id()).orElse(tab.profile());
            tab.session().settingsChanged(current, settings);
        }
    }

    /** Keychain plus the profile's "remember" flag, for the password dialog of a connecting tab. */
    private PasswordMemory passwordMemory() {
        return new KeychainPasswordMemory(secrets, id -> store.current().find(id).isPresent(),
                id -> store.current().find(id).map(Profile::rememberPassword).orElse(false),
                id -> store.current().find(id).filter(p -> !p.rememberPassword()).ifPresent(p -> {
                    Profile marked = new Profile(p.id(), p.name(), p.group(), p.kind(), p.host(), p.port(), p.user(),
                            p.auth(), p.keyFile(), p.jumpHost(), true, p.mosh(), p.startupCommand(), p.terminal());
                    javafx.application.Platform.runLater(() -> apply(ProfileEdits.save(p, marked)));
                }));
    }
}
