package dev.tern.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.AppSettings;
import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.Profile;
import dev.tern.app.session.LoginPrompts;
import dev.tern.app.session.ObservableSession;
import dev.tern.app.session.SessionHandle;
import dev.tern.app.session.SessionLauncher;
import dev.tern.app.session.SessionState;
import dev.tern.app.settings.OpenTab;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A tab follows its session: title, state icon, tooltip, connecting progress, failure with Retry. */
@ExtendWith(ApplicationExtension.class)
class SessionTabTest {
    private final List<ScriptedSession> sessions = new ArrayList<>();
    private final List<SessionTab> editsAsked = new ArrayList<>();
    private SessionTabs tabs;

    /** A session the test drives by hand. */
    static final class ScriptedSession extends ObservableSession {
        final Pane view = new Pane();
        int reconnects;
        boolean closed;

        @Override
        public Node view() {
            return view;
        }

        @Override
        public boolean canReconnect() {
            return true;
        }

        @Override
        public void reconnect() {
            reconnects++;
            setState(SessionState.CONNECTING);
        }

        @Override
        public void focus() {
            view.requestFocus();
        }

        @Override
        public void close() {
            closed = true;
            setState(SessionState.CLOSED);
        }
    }

    @Start
    void start(Stage stage) {
        SessionLauncher launcher = (Profile profile, AppSettings defaults, LoginPrompts prompts) -> {
            ScriptedSession session = new ScriptedSession();
            sessions.add(session);
            return session;
        };
        tabs = new SessionTabs(launcher, () -> AppSettings.DEFAULTS, null, (t, m, c) -> true);
        tabs.setOnEditProfile(editsAsked::add);
        stage.setScene(new javafx.scene.Scene(tabs, 800, 500));
        stage.show();
    }

    private SessionTab open(FxRobot robot) {
        return open(robot, "build");
    }

    private SessionTab open(FxRobot robot, String name) {
        Profile profile = Profile.remote(name, "", ConnectionKind.SSH, "alice", "build.example.org", null);
        SessionTab[] tab = new SessionTab[1];
        robot.interact(() -> tab[0] = tabs.open(profile, OpenTab.saved(profile.id())));
        return tab[0];
    }

    @Test
    void connectingShowsTheCurrentStepAndASpinner(FxRobot robot) {
        SessionTab tab = open(robot);
        ScriptedSession session = sessions.getFirst();
        robot.interact(() -> session.setProgress("Authenticating"));
        assertTrue(tab.getGraphic() instanceof ProgressIndicator);
        assertTrue(robot.lookup((Node n) -> n instanceof Label l && "Authenticating…".equals(l.getText())
                && n.isVisible() && n.getParent().isVisible()).tryQuery().isPresent());
        assertTrue(tab.tooltipText().contains("Connecting: Authenticating"), tab.tooltipText());
    }

    @Test
    void titleAndTooltipFollowTheRemoteTitleRttAndLastContact(FxRobot robot) {
        SessionTab tab = open(robot);
        ScriptedSession session = sessions.getFirst();
        robot.interact(() -> {
            session.setState(SessionState.CONNECTED);
            session.setRemoteTitle("vim notes.txt");
            session.setRtt(Duration.ofMillis(42));
            session.setLastContact(Instant.now().minusSeconds(5));
        });
        assertEquals("build — vim notes.txt", tab.getText());
        String tooltip = tab.tooltipText();
        assertTrue(tooltip.contains("SSH · alice@build.example.org"), tooltip);
        assertTrue(tooltip.contains("Connected · RTT 42 ms"), tooltip);
        assertTrue(tooltip.matches("(?s).*Last contact [5-9] s ago.*"), tooltip);
        assertTrue(tab.getStyleClass().contains("state-connected"));

        robot.interact(() -> session.setState(SessionState.CONTACT_LOST));
        assertTrue(tab.getStyleClass().contains("state-contact-lost"));
        assertEquals(SessionState.CONTACT_LOST, tabs.liveStates().get(tab.profile().id()));
    }

    @Test
    void aFailedSessionShowsItsMessageAndRetryReconnects(FxRobot robot) {
        SessionTab tab = open(robot);
        ScriptedSession session = sessions.getFirst();
        robot.interact(() -> session.fail("Connection refused by build.example.org:22. Is sshd running?"));
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#failure-message").queryAs(Label.class);
        assertTrue(message.getParent().isVisible());
        assertEquals("Connection refused by build.example.org:22. Is sshd running?", message.getText());

        robot.clickOn("#retry-button");
        assertEquals(1, session.reconnects);
        assertEquals(SessionState.CONNECTING, session.state().get());
        assertFalse(message.getParent().isVisible());
        assertFalse(tab.getStyleClass().contains("state-failed"));
    }

    @Test
    void closingATabEndsItsSession(FxRobot robot) {
        open(robot);
        ScriptedSession session = sessions.getFirst();
        robot.interact(() -> tabs.closeSelected());
        assertTrue(session.closed);
        assertTrue(tabs.tabs().isEmpty());
    }

    @Test
    void aFailedTabOffersToEditItsProfile(FxRobot robot) {
        SessionTab tab = open(robot);
        robot.interact(() -> sessions.getFirst().fail("Permission denied (publickey)."));
        WaitForAsyncUtils.waitForFxEvents();
        Node edit = robot.lookup("#edit-profile-button").query();
        assertTrue(edit.isVisible() && edit.getParent().isVisible());
        robot.clickOn(edit);
        assertEquals(List.of(tab), editsAsked);
    }

    @Test
    void tabsEndingWithTheProcessStayAmongTheTabsToReopen(FxRobot robot) {
        SessionTab endedBefore = open(robot, "ended before");
        SessionTab first = open(robot, "first");
        SessionTab second = open(robot, "second");
        robot.interact(() -> {
            sessions.forEach(session -> session.setState(SessionState.CONNECTED));
            sessions.get(0).setState(SessionState.CLOSED);
        });
        assertEquals(List.of(first.record(), second.record()), tabs.openTabRecords());

        // a logout's signal: the shells end with the process, in whatever order against the window's last save
        tabs.processEnding();
        assertTrue(tabs.processIsEnding());
        robot.interact(() -> {
            sessions.get(1).setState(SessionState.CLOSED);
            sessions.get(2).fail("Connection closed");
        });
        assertEquals(List.of(first.record(), second.record()), tabs.openTabRecords(),
                "ended with the process, not by themselves");
        assertEquals(1, tabs.selectedRecordIndex(), "the selected one is still the second to reopen");
        assertTrue(endedBefore.getTabPane() != null);
    }

    @Test
    void failedAndEndedTabsAreNotAmongTheTabsToReopen(FxRobot robot) {
        SessionTab failed = open(robot, "failed");
        SessionTab live = open(robot, "live");
        SessionTab ended = open(robot, "ended");
        robot.interact(() -> {
            sessions.forEach(session -> session.setState(SessionState.CONNECTED));
            sessions.get(0).fail("Connection refused");
            sessions.get(2).setState(SessionState.CLOSED);
        });
        assertEquals(List.of(live.record()), tabs.openTabRecords());
        assertEquals(-1, tabs.selectedRecordIndex(), "the ended tab is selected");
        robot.interact(() -> tabs.tabPane().getSelectionModel().select(live));
        assertEquals(0, tabs.selectedRecordIndex());
        robot.interact(() -> tabs.tabPane().getSelectionModel().select(failed));
        assertEquals(-1, tabs.selectedRecordIndex());
        assertEquals(3, tabs.tabs().size(), "the tabs themselves stay open");
        assertTrue(ended.getTabPane() != null);
    }

    @Test
    void theSelectedTabIsScrolledIntoViewWhenTheTabsOverflow(FxRobot robot) {
        for (int i = 1; i <= 30; i++) {
            open(robot, "host-" + i);
            WaitForAsyncUtils.waitForFxEvents();
            assertSelectedHeaderShown(robot, "after opening host-" + i);
        }
        robot.interact(() -> tabs.selectNext(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertSelectedHeaderShown(robot, "after wrapping to the first tab");
        robot.interact(() -> tabs.selectNext(-1));
        WaitForAsyncUtils.waitForFxEvents();
        assertSelectedHeaderShown(robot, "after wrapping back to the last tab");
        robot.interact(() -> sessions.getLast().setRemoteTitle("a long remote title: vim ~/notes/2025/plans.txt"));
        WaitForAsyncUtils.waitForFxEvents();
        assertSelectedHeaderShown(robot, "after the remote title widened the last tab");
        for (int i = 0; i < 15; i++) {
            robot.interact(() -> tabs.selectNext(-1));
            WaitForAsyncUtils.waitForFxEvents();
            assertSelectedHeaderShown(robot, "after stepping left");
        }
    }

    /** The selected tab's header lies within the strip, left of the overflow menu button. */
    private void assertSelectedHeaderShown(FxRobot robot, String when) {
        Node header = robot.from(tabs.tabPane()).lookup(".tab-header-area .tab:selected").query();
        Node area = robot.from(tabs.tabPane()).lookup(".tab-header-area").query();
        Node menu = robot.from(tabs.tabPane()).lookup(".control-buttons-tab").query();
        // bounds are read on the FX thread: read from the test's thread they race the next layout pulse
        double[] at = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            var shown = header.localToScene(header.getBoundsInLocal());
            var strip = area.localToScene(area.getBoundsInLocal());
            double end = menu.isVisible() ? menu.localToScene(menu.getBoundsInLocal()).getMinX() : strip.getMaxX();
            return new double[] {shown.getMinX(), shown.getMaxX(), strip.getMinX(), end};
        });
        assertTrue(at[0] >= at[2] - 1 && at[1] <= at[3] + 1,
                when + ": header " + at[0] + ".." + at[1] + " outside " + at[2] + ".." + at[3]);
    }
}
