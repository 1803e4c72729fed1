package dev.tern.app.ui;

import dev.tern.app.profile.Profile;
import dev.tern.app.profile.TernCommandLine;
import dev.tern.app.session.SessionState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The saved profiles as a tree of groups (folders), with a filter box on top, a coloured dot on profiles that
 * have open tabs and a mark with a count on profiles whose host keeps detached sessions (saved sessions no tab has
 * open). Double-click or Enter connects; the context menu has the rest.
 */
public final class ProfileSidebar extends VBox {
    private final TextField filter = new TextField();
    private final TreeView<SidebarEntry> tree = new TreeView<>(new TreeItem<>());
    private final SidebarActions actions;
    private final ObservableMap<String, SessionState> liveStates;
    private final Set<String> collapsedGroups = new HashSet<>();
    /** Per profile id, how many detached sessions its host keeps (see {@code SessionJanitor.detachedCounts}). */
    private final ObservableMap<String, Integer> detachedSessions = FXCollections.observableHashMap();
    private Consumer<Profile> onSessionsOnHost;
    private final VBox emptyState;
    private final StackPane treeArea;
    private List<Profile> profiles = List.of();

    /** A row of the tree: a group (folder) or a profile. */
    public sealed interface SidebarEntry permits GroupEntry, ProfileEntry {
    }

    public record GroupEntry(String name) implements SidebarEntry {
    }

    public record ProfileEntry(Profile profile) implements SidebarEntry {
    }

    public ProfileSidebar(SidebarActions actions, ObservableMap<String, SessionState> liveStates) {
        this.actions = actions;
        this.liveStates = liveStates;
        getStyleClass().add("profile-sidebar");

        filter.setId("profile-filter");
        filter.setPromptText("Filter profiles");
        filter.getStyleClass().add("sidebar-filter");
        filter.textProperty().addListener((obs, old, text) -> rebuild());
        filter.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                selectFirstProfile();
                tree.requestFocus();
                if (event.getCode() == KeyCode.ENTER) {
                    selectedProfile().ifPresent(actions::connect);
                }
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                filter.clear();
            }
        });
        HBox filterRow = new HBox(6, Icons.of(Feather.SEARCH), filter);
        filterRow.setAlignment(Pos.CENTER_LEFT);
        filterRow.getStyleClass().add("sidebar-filter-row");
        HBox.setHgrow(filter, Priority.ALWAYS);

        Label heading = new Label("PROFILES");
        heading.getStyleClass().add("sidebar-heading");

        tree.setId("profile-tree");
        tree.setShowRoot(false);
        tree.getStyleClass().add("profile-tree");
        tree.setCellFactory(view -> new EntryCell());
        tree.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                selectedProfile().ifPresent(actions::connect);
                event.consume();
            }
        });
        emptyState = emptyState();
        // the tree joins the scene with the first profile: hidden, it would still cost its skin and CSS pass in the
        // first frame of a new user's window
        treeArea = new StackPane(emptyState);
        VBox.setVgrow(treeArea, Priority.ALWAYS);

        liveStates.addListener((MapChangeListener<String, SessionState>) change -> tree.refresh());
        detachedSessions.addListener((MapChangeListener<String, Integer>) change -> tree.refresh());
        getChildren().addAll(filterRow, heading, treeArea);
    }

    /** What a new user sees instead of an empty tree: the two ways to get hosts into it. */
    private VBox emptyState() {
        Label title = new Label("No saved hosts yet");
        title.getStyleClass().add("sidebar-empty-title");
        Button add = new Button("Add a host", Icons.of(Feather.PLUS));
        add.setId("empty-add-host");
        add.getStyleClass().add("accent");
        add.setOnAction(event -> actions.create(""));
        Button importConfig = new Button("Import from ~/.ssh/config", Icons.of(Feather.DOWNLOAD));
        importConfig.setId("empty-import-ssh-config");
        importConfig.setOnAction(event -> actions.importSshConfig());
        for (Button button : List.of(add, importConfig)) {
            button.setMaxWidth(Double.MAX_VALUE);
        }
        VBox box = new VBox(10, title, add, importConfig);
        box.setId("sidebar-empty-state");
        box.setAlignment(Pos.TOP_CENTER);
        box.setFillWidth(true);
        box.getStyleClass().add("sidebar-empty-state");
        box.setVisible(false);
        return box;
    }

    /** Per profile id, the detached sessions its host keeps; whoever knows (the session janitor) fills it in. */
    public ObservableMap<String, Integer> detachedSessions() {
        return detachedSessions;
    }

    /**
     * What "Sessions on this host…" in a profile's context menu does; without one (null) the menu has no such item.
     */
    public void setOnSessionsOnHost(Consumer<Profile> action) {
        this.onSessionsOnHost = action;
    }

    public TextField filterField() {
        return filter;
    }

    public TreeView<SidebarEntry> tree() {
        return tree;
    }

    public void setProfiles(List<Profile> newProfiles) {
        this.profiles = List.copyOf(newProfiles);
        // only when there are no profiles at all: a filter that matches nothing shows an empty tree
        emptyState.setVisible(profiles.isEmpty());
        tree.setVisible(!profiles.isEmpty());
        if (!profiles.isEmpty() && tree.getParent() == null) {
            treeArea.getChildren().addFirst(tree);
        }
        rebuild();
    }

    public java.util.Optional<Profile> selectedProfile() {
        TreeItem<SidebarEntry> item = tree.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof ProfileEntry(Profile profile)
                ? java.util.Optional.of(profile) : java.util.Optional.empty();
    }

    /** The profiles currently shown (after filtering), in display order. */
    public List<Profile> visibleProfiles() {
        List<Profile> shown = new ArrayList<>();
        collect(tree.getRoot(), shown);
        return shown;
    }

    public void select(String profileId) {
        selectWhere(item -> item.getValue() instanceof ProfileEntry(Profile p) && p.id().equals(profileId));
    }

    private static void collect(TreeItem<SidebarEntry> item, List<Profile> into) {
        for (TreeItem<SidebarEntry> child : item.getChildren()) {
            if (child.getValue() instanceof ProfileEntry(Profile profile)) {
                into.add(profile);
            }
            collect(child, into);
        }
    }

    private void rebuild() {
        String selectedId = selectedProfile().map(Profile::id).orElse(null);
        String query = filter.getText() == null ? "" : filter.getText().strip().toLowerCase(Locale.ROOT);
        Comparator<Profile> byName = Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT));
        Map<String, List<Profile>> groups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<Profile> loose = new ArrayList<>();
        for (Profile profile : profiles) {
            if (!matches(profile, query)) {
                continue;
            }
            if (profile.group().isEmpty()) {
                loose.add(profile);
            } else {
                groups.computeIfAbsent(profile.group(), g -> new ArrayList<>()).add(profile);
            }
        }
        TreeItem<SidebarEntry> root = new TreeItem<>();
        groups.forEach((name, members) -> {
            TreeItem<SidebarEntry> group = new TreeItem<>(new GroupEntry(name));
            group.setExpanded(!query.isEmpty() || !collapsedGroups.contains(name));
            group.expandedProperty().addListener((obs, was, expanded) -> {
                if (query.isEmpty()) {
                    if (expanded) {
                        collapsedGroups.remove(name);
                    } else {
                        collapsedGroups.add(name);
                    }
                }
            });
            members.stream().sorted(byName).forEach(p -> group.getChildren().add(new TreeItem<>(new ProfileEntry(p))));
            root.getChildren().add(group);
        });
        loose.stream().sorted(byName).forEach(p -> root.getChildren().add(new TreeItem<>(new ProfileEntry(p))));
        tree.setRoot(root);
        if (selectedId != null) {
            select(selectedId);
        }
    }

    private static boolean matches(Profile profile, String query) {
        if (query.isEmpty()) {
            return true;
        }
        return profile.name().toLowerCase(Locale.ROOT).contains(query)
                || profile.group().toLowerCase(Locale.ROOT).contains(query)
                || profile.host().toLowerCase(Locale.ROOT).contains(query)
                || profile.user().toLowerCase(Locale.ROOT).contains(query);
    }

    private void selectFirstProfile() {
        if (selectedProfile().isEmpty()) {
            selectWhere(item -> item.getValue() instanceof ProfileEntry);
        }
    }

    private void selectWhere(java.util.function.Predicate<TreeItem<SidebarEntry>> predicate) {
        for (TreeItem<SidebarEntry> item : flatten(tree.getRoot())) {
            if (predicate.test(item)) {
                tree.getSelectionModel().select(item);
                int row = tree.getRow(item);
                if (row >= 0) {
                    tree.scrollTo(row);
                }
                return;
            }
        }
    }

    private static List<TreeItem<SidebarEntry>> flatten(TreeItem<SidebarEntry> root) {
        List<TreeItem<SidebarEntry>> all = new ArrayList<>();
        for (TreeItem<SidebarEntry> child : root.getChildren()) {
            all.add(child);
            all.addAll(flatten(child));
        }
        return all;
    }

    private final class EntryCell extends TreeCell<SidebarEntry> {
        EntryCell() {
            // cells as wide as the sidebar (long subtitles get an ellipsis) keep the status dots in view
            setPrefWidth(0);
            setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2
                        && getItem() instanceof ProfileEntry(Profile profile)) {
                    actions.connect(profile);
                    event.consume();
                }
            });
        }

        @Override
        protected void updateItem(SidebarEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeAll("group-cell", "profile-cell");
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            setText(null);
            switch (entry) {
                case GroupEntry(String name) -> {
                    getStyleClass().add("group-cell");
                    Label label = new Label(name);
                    label.getStyleClass().add("group-name");
                    long members = getTreeItem() == null ? 0 : getTreeItem().getChildren().size();
                    Label count = new Label(String.valueOf(members));
                    count.getStyleClass().add("group-count");
                    HBox row = new HBox(8, Icons.of(Feather.FOLDER), label, count);
                    row.setAlignment(Pos.CENTER_LEFT);
                    setGraphic(row);
                    setContextMenu(groupMenu(name));
                }
                case ProfileEntry(Profile profile) -> {
                    getStyleClass().add("profile-cell");
                    setGraphic(profileRow(profile));
                    setContextMenu(profileMenu(profile));
                }
            }
        }

        private HBox profileRow(Profile profile) {
            Label name = new Label(profile.name());
            name.getStyleClass().add("profile-name");
            Label subtitle = new Label(profile.kind().label() + " · " + profile.target());
            subtitle.getStyleClass().add("profile-subtitle");
            VBox text = new VBox(1, name, subtitle);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(8, Icons.forKind(profile.kind()), text);
            row.setAlignment(Pos.CENTER_LEFT);
            Integer detached = detachedSessions.get(profile.id());
            if (detached != null && detached > 0) {
                // words, not a bare badge: a person learns from it that something still runs on that host
                Label mark = new Label(detached + (detached == 1 ? " detached session" : " detached sessions"),
                        Icons.of(Feather.PAUSE_CIRCLE));
                mark.setId("detached-mark-" + profile.id());
                mark.getStyleClass().add("detached-mark");
                mark.setTooltip(new Tooltip("Still running on the host, open in no tab. Right-click: Sessions on "
                        + "this host… resumes or ends them."));
                text.getChildren().add(mark);
            }
            SessionState state = liveStates.get(profile.id());
            if (state != null) {
                var dot = Icons.statusDot(state);
                dot.setId("status-dot-" + profile.id());
                row.getChildren().add(dot);
            }
            return row;
        }

        private ContextMenu profileMenu(Profile profile) {
            MenuItem connect = item("Connect", Feather.PLAY, () -> actions.connect(profile));
            MenuItem edit = item("Edit…", Feather.EDIT_2, () -> actions.edit(profile));
            MenuItem duplicate = item("Duplicate", Feather.COPY, () -> actions.duplicate(profile));
            MenuItem copy = item(profile.kind() == dev.tern.app.profile.ConnectionKind.SSH
                    ? "Copy as ssh command" : "Copy as tern command", Feather.CLIPBOARD,
                    () -> actions.copyCommandLine(profile));
            copy.setDisable(TernCommandLine.render(profile).isEmpty());
            MenuItem delete = item("Delete…", Feather.TRASH_2, () -> actions.delete(profile));
            ContextMenu menu = new ContextMenu(connect, edit, duplicate, copy);
            Consumer<Profile> sessions = onSessionsOnHost;
            if (sessions != null && dev.tern.app.session.SessionJanitor.applies(profile)) {
                MenuItem onHost = item("Sessions on this host…", Feather.LAYERS, () -> sessions.accept(profile));
                onHost.setId("sessions-on-host");
                menu.getItems().add(onHost);
            }
            menu.getItems().addAll(new SeparatorMenuItem(), delete);
            return menu;
        }

        private ContextMenu groupMenu(String group) {
            return new ContextMenu(item("New profile in " + group + "…", Feather.PLUS, () -> actions.create(group)));
        }

        private MenuItem item(String text, Feather icon, Runnable action) {
            MenuItem item = new MenuItem(text, Icons.of(icon));
            item.setOnAction(event -> action.run());
            return item;
        }
    }
}
