package dev.tern.app.ui;

import dev.tern.app.profile.AppSettings;
import dev.tern.app.profile.Profile;
import dev.tern.app.session.LoginPrompts;
import dev.tern.app.session.SessionLauncher;
import dev.tern.app.session.SessionState;
import dev.tern.app.settings.OpenTab;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableMap;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The tab pane of sessions: opens tabs through the {@link SessionLauncher}, confirms before closing live ones,
 * keyboard shortcuts, drag to reorder, and the per-profile state map behind the sidebar's status dots.
 */
public final class SessionTabs extends StackPane {
    public static final KeyCombination NEW_LOCAL_TAB = new KeyCodeCombination(KeyCode.T,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination CLOSE_TAB = new KeyCodeCombination(KeyCode.W,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination NEXT_TAB = new KeyCodeCombination(KeyCode.PAGE_DOWN,
            KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination PREVIOUS_TAB = new KeyCodeCombination(KeyCode.PAGE_UP,
            KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination NEXT_TAB_ALT = new KeyCodeCombination(KeyCode.TAB,
            KeyCombination.CONTROL_DOWN);
    public static final KeyCombination PREVIOUS_TAB_ALT = new KeyCodeCombination(KeyCode.TAB,
            KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination MOVE_TAB_LEFT = new KeyCodeCombination(KeyCode.PAGE_UP,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination MOVE_TAB_RIGHT = new KeyCodeCombination(KeyCode.PAGE_DOWN,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    /** How long keys typed after opening a tab wait for its terminal to take the focus. */
    private static final long KEY_HANDOFF_NANOS = 3_000_000_000L;

    private SessionTab keysAwaitingFocus;
    private long keysAwaitingUntil;
    private boolean forwardingKey;

    private final TabPane tabPane = new TabPane();
    private final SessionLauncher launcher;
    private final Supplier<AppSettings> settings;
    private final LoginPrompts prompts;
    private final Confirmations confirmations;
    private final ObservableMap<String, SessionState> liveStates = FXCollections.observableHashMap();
    private Runnable onTabsChanged = () -> {
    };
    private Runnable onNewLocalTab = () -> {
    };
    private Consumer<SessionTab> onEditProfile;
    /** When the process began to end on a signal ({@link System#nanoTime()}, never 0), or 0. */
    private volatile long processEndingSince;

    public SessionTabs(SessionLauncher launcher, Supplier<AppSettings> settings, LoginPrompts prompts,
                       Confirmations confirmations) {
        this.launcher = launcher;
        this.settings = settings;
        this.prompts = prompts;
        this.confirmations = confirmations;
        getStyleClass().add("session-tabs");
        tabPane.setId("session-tab-pane");
        tabPane.setTabDragPolicy(TabPane.TabDragPolicy.REORDER);
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabPane.getTabs().addListener((ListChangeListener<Tab>) change -> {
            while (change.next()) {
                for (Tab removed : change.getRemoved()) {
                    if (removed instanceof SessionTab tab && !tabPane.getTabs().contains(tab)) {
                        tab.session().close();
                    }
                }
            }
            updateLiveStates();
            onTabsChanged.run();
        });
        tabPane.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab instanceof SessionTab sessionTab) {
                // after the tab content is shown, so the terminal can take focus; not if another tab was selected
                // meanwhile (a restored window selects each tab as it opens it, and the focus starts a waiting tab)
                Platform.runLater(() -> {
                    if (tabPane.getSelectionModel().getSelectedItem() == sessionTab) {
                        sessionTab.session().focus();
                    }
                });
            }
            onTabsChanged.run();
        });
        SelectedTabReveal.install(tabPane);
        getChildren().add(emptyState());
        tabPane.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(tabPane.getTabs()));
        // the tab pane joins the scene with the first tab: hidden, it would still cost its skin and CSS pass in the
        // window's first frame
        tabPane.getTabs().addListener((ListChangeListener<Tab>) change -> {
            if (!tabPane.getTabs().isEmpty() && tabPane.getParent() == null) {
                getChildren().add(tabPane);
            }
        });
    }

    public TabPane tabPane() {
        return tabPane;
    }

    /** Profile id -> state of its open tab(s), for the sidebar's dots. */
    public ObservableMap<String, SessionState> liveStates() {
        return liveStates;
    }

    public void setOnTabsChanged(Runnable listener) {
        this.onTabsChanged = listener;
    }

    public void setOnNewLocalTab(Runnable action) {
        this.onNewLocalTab = action;
    }

    /** What a failed tab's "Edit profile" button does with its tab (tabs opened from now on). */
    public void setOnEditProfile(Consumer<SessionTab> action) {
        this.onEditProfile = action;
    }

    /**
     * Opens a tab for {@code profile} and selects it; when {@code record} names a saved session, the tab takes that
     * session up again instead of starting one.
     */
    public SessionTab open(Profile profile, OpenTab record) {
        var session = record.sessionId() == null ? launcher.open(profile, settings.get(), prompts)
                : launcher.resume(profile, settings.get(), prompts, record.sessionId());
        SessionTab tab = new SessionTab(profile, record, session);
        tab.setOnCloseRequest(event -> {
            if (!confirmClose(tab)) {
                event.consume();
            }
        });
        if (onEditProfile != null) {
            tab.setOnEditProfile(() -> onEditProfile.accept(tab));
        }
        tab.session().state().addListener((obs, old, state) -> {
            updateLiveStates();
            tab.endedAtNanos = state.isLive() || state == SessionState.WAITING ? 0 : System.nanoTime();
            if (!state.isLive()) {
                // a tab that failed or ended leaves the tabs to reopen at once (see openTabRecords)
                onTabsChanged.run();
            }
        });
        // the journal a Mosh session is kept in is saved with the open tabs as soon as it exists: after a crash,
        // the next start takes the same session up again
        tab.session().sessionId().addListener((obs, old, id) -> onTabsChanged.run());
        tabPane.getTabs().add(tab);
        tabPane.getSelectionModel().select(tab);
        keysAwaitingFocus = tab;
        keysAwaitingUntil = System.nanoTime() + KEY_HANDOFF_NANOS;
        return tab;
    }

    public List<SessionTab> tabs() {
        return tabPane.getTabs().stream().filter(SessionTab.class::isInstance).map(SessionTab.class::cast)
                .toList();
    }

    /**
     * The tabs to reopen on the next start: those whose session is live (connecting, connected or out of contact).
     * A failed tab would fail again, and be retried, on every start; a session that ended (the shell exited, the
     * user quit Mosh) was ended on purpose.
     */
    public List<OpenTab> openTabRecords() {
        return reopenable().stream().map(SessionTab::record).toList();
    }

    /** The selected tab's place in {@link #openTabRecords()}; -1 when it is not one of them. */
    public int selectedRecordIndex() {
        return reopenable().indexOf(tabPane.getSelectionModel().getSelectedItem());
    }

    private List<SessionTab> reopenable() {
        // a tab waiting to be shown is not live (closing it ends nothing) but is still one to reopen; so is a tab
        // that ended since the process began to end, because it ended with the process, not by itself
        long ending = processEndingSince;
        return tabs().stream().filter(tab -> tab.session().state().get().isLive()
                || tab.session().state().get() == SessionState.WAITING
                || (ending != 0 && tab.endedAtNanos != 0 && tab.endedAtNanos - ending >= 0)).toList();
    }

    /**
     * The process is ending (a logout's signal): tabs whose sessions end from now on stay among the tabs to reopen,
     * in whatever order the toolkit's shutdown, the sessions' ends and the last save come. Any thread.
     */
    public void processEnding() {
        processEndingSince = System.nanoTime() | 1;
    }

    /** Whether {@link #processEnding} was called. Any thread. */
    public boolean processIsEnding() {
        return processEndingSince != 0;
    }

    public int selectedIndex() {
        return tabPane.getSelectionModel().getSelectedIndex();
    }

    public void select(int index) {
        if (index >= 0 && index < tabPane.getTabs().size()) {
            tabPane.getSelectionModel().select(index);
        }
    }

    /**
     * Gives the selected tab the focus now, before the window shows: a tab that waits to be shown builds its
     * terminal at once, so the window's first frame has it, and keys typed as soon as the window appears reach it.
     */
    public void focusSelected() {
        if (tabPane.getSelectionModel().getSelectedItem() instanceof SessionTab tab) {
            tab.session().focus();
        }
    }

    /** Closes the selected tab, with the same confirmation as its close button. */
    public void closeSelected() {
        if (tabPane.getSelectionModel().getSelectedItem() instanceof SessionTab tab) {
            tab.requestClose();
        }
    }

    public void selectNext(int step) {
        int count = tabPane.getTabs().size();
        if (count > 1) {
            tabPane.getSelectionModel().select(Math.floorMod(selectedIndex() + step, count));
        }
    }

    /**
     * Moves the selected tab left or right (the keyboard way to reorder; dragging works too). Like a drag, this is
     * one permutation of the tab list: no tab is removed on the way, so no session is touched, and the tabs-changed
     * listener saves the new order as the open tabs to restore.
     */
    public void moveSelected(int step) {
        int from = selectedIndex();
        int to = from + step;
        if (from < 0 || to < 0 || to >= tabPane.getTabs().size()) {
            return;
        }
        Tab tab = tabPane.getTabs().get(from);
        List<Tab> reordered = new ArrayList<>(tabPane.getTabs());
        reordered.remove(from);
        reordered.add(to, tab);
        Map<Tab, Integer> position = new HashMap<>();
        for (int i = 0; i < reordered.size(); i++) {
            position.put(reordered.get(i), i);
        }
        // an observable list's sort fires a single permutation, the same kind of change a drag makes
        tabPane.getTabs().sort(Comparator.comparing(position::get));
        tabPane.getSelectionModel().select(tab);
    }

    /** Number of tabs whose sessions are still live (for the quit confirmation). */
    public long liveCount() {
        return tabs().stream().filter(t -> t.session().state().get().isLive()).count();
    }

    /** Ends every session without asking (the app is quitting). */
    public void closeAllSessions() {
        tabs().forEach(tab -> tab.session().close());
    }

    /** Lets go of every session that can be resumed on the next start, and closes the others (quitting, "Keep"). */
    public void detachAllSessions() {
        tabs().forEach(tab -> tab.session().detach());
    }

    /** Number of live tabs whose session can be kept for the next start (Mosh tabs with a journal). */
    public long keepableCount() {
        return tabs().stream().filter(t -> t.session().state().get().isLive())
                .filter(t -> !t.session().sessionId().get().isEmpty()).count();
    }

    /** Installs the tab shortcuts as scene-wide filters, so they work while a terminal has the focus. */
    public void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.ANY, this::handOffEarlyKeys);
        // a click means the person chose where to type
        scene.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, event -> keysAwaitingFocus = null);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (NEW_LOCAL_TAB.match(event)) {
                onNewLocalTab.run();
            } else if (CLOSE_TAB.match(event)) {
                closeSelected();
            } else if (MOVE_TAB_LEFT.match(event)) {
                moveSelected(-1);
            } else if (MOVE_TAB_RIGHT.match(event)) {
                moveSelected(1);
            } else if (NEXT_TAB.match(event) || NEXT_TAB_ALT.match(event)) {
                selectNext(1);
            } else if (PREVIOUS_TAB.match(event) || PREVIOUS_TAB_ALT.match(event)) {
                selectNext(-1);
            } else {
                return;
            }
            event.consume();
        });
    }

    /**
     * A new tab's terminal takes the focus only once the tab is laid out, a moment after the person pressed Enter
     * on a profile; keys typed in that moment went to the sidebar. Until the terminal has the focus (or a short
     * while has passed), they go to the new terminal instead. The window's own shortcuts still come first.
     */
    private void handOffEarlyKeys(KeyEvent event) {
        SessionTab tab = keysAwaitingFocus;
        if (tab == null || forwardingKey) {
            return;  // (the forwarded copy passes this filter again on its way to the terminal)
        }
        if (tab.session().hasFocus() || System.nanoTime() - keysAwaitingUntil > 0
                || tabPane.getSelectionModel().getSelectedItem() != tab) {
            keysAwaitingFocus = null;
            return;
        }
        if (event.getEventType() == KeyEvent.KEY_PRESSED && isWindowShortcut(event)) {
            return;
        }
        event.consume();
        forwardingKey = true;
        try {
            tab.session().typeKey(event);
        } finally {
            forwardingKey = false;
        }
    }

    private static boolean isWindowShortcut(KeyEvent event) {
        return NEW_LOCAL_TAB.match(event) || CLOSE_TAB.match(event) || MOVE_TAB_LEFT.match(event)
                || MOVE_TAB_RIGHT.match(event) || NEXT_TAB.match(event) || NEXT_TAB_ALT.match(event)
                || PREVIOUS_TAB.match(event) || PREVIOUS_TAB_ALT.match(event);
    }

    private boolean confirmClose(SessionTab tab) {
        SessionState state = tab.session().state().get();
        if (!state.isLive()) {
            return true;
        }
        return confirmations.confirm("Close tab", "The session to " + tab.profile().target() + " is "
                + state.label().toLowerCase(java.util.Locale.ROOT) + ". Closing the tab ends it"
                + (tab.profile().kind() == dev.tern.app.profile.ConnectionKind.MOSH ? " and stops its mosh-server."
                : "."), "Close tab");
    }

    private void updateLiveStates() {
        Map<String, SessionState> best = new HashMap<>();
        for (SessionTab tab : tabs()) {
            SessionState state = tab.session().state().get();
            if (state == SessionState.CLOSED) {
                continue;
            }
            best.merge(tab.profile().id(), state, (a, b) -> rank(a) <= rank(b) ? a : b);
        }
        liveStates.keySet().retainAll(best.keySet());
        best.forEach((id, state) -> {
            if (liveStates.get(id) != state) {
                liveStates.put(id, state);
            }
        });
    }

    private static int rank(SessionState state) {
        return switch (state) {
            case CONNECTED -> 0;
            case CONNECTING, RESUMING -> 1;
            case CONTACT_LOST -> 2;
            case FAILED -> 3;
            case WAITING -> 4;
            case CLOSED -> 5;
        };
    }

    private VBox emptyState() {
        Label title = new Label("No open sessions");
        title.getStyleClass().add("empty-title");
        Label hint = new Label("Double-click a profile, type user@host in Quick connect,\nor press "
                + NEW_LOCAL_TAB.getDisplayText() + " for a local shell.");
        hint.getStyleClass().add("empty-hint");
        hint.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        var icon = Icons.of(Feather.TERMINAL);
        icon.getStyleClass().add("empty-icon");
        VBox box = new VBox(12, icon, title, hint);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }
}
