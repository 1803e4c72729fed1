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
        stage.setScene(new javafx.scene.Scene(tabs, 800, 500));
        stage.show();
    }

    private SessionTab open(FxRobot robot) {
        Profile profile = Profile.remote("build", "", ConnectionKind.SSH, "alice", "build.example.org", null);
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
}
