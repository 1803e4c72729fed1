package dev.tern.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.ui.dialogs.LoginDialogs;
import dev.tern.app.ui.dialogs.PasswordMemory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The login dialogs, asked from a connecting (non-FX) thread as the SSH layer does. Headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class LoginDialogsTest {
    private Stage stage;
    private final java.util.Map<String, String> remembered = new java.util.HashMap<>();
    private final PasswordMemory memory = new PasswordMemory() {
        @Override
        public Optional<String> recall(String profileId) {
            return Optional.ofNullable(remembered.get(profileId));
        }

        @Override
        public boolean remember(String profileId, String password) {
            remembered.put(profileId, password);
            return true;
        }

        @Override
        public String rememberNote(String profileId) {
            return "";
        }
    };

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new StackPane(), 400, 300));
        stage.show();
    }

    /** Waits until the dialog holding {@code nodeId} is on screen; returns its pane. */
    private static javafx.scene.control.DialogPane awaitDialog(FxRobot robot, String nodeId) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(nodeId).tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node node = robot.lookup(nodeId).query();
        while (!(node instanceof javafx.scene.control.DialogPane)) {
            node = node.getParent();
        }
        return (javafx.scene.control.DialogPane) node;
    }

    private static void press(FxRobot robot, javafx.scene.control.DialogPane pane, ButtonType button) {
        robot.clickOn(pane.lookupButton(button));
    }

    private LoginDialogs dialogs() {
        return new LoginDialogs(() -> stage, memory);
    }

    @Test
    void aRememberedPasswordIsUsedOnceWithoutADialog() throws Exception {
        remembered.put("p1", "from-keychain");
        Optional<String> answer = CompletableFuture.supplyAsync(() -> dialogs().password("p1", "a@h", 1))
                .get(5, TimeUnit.SECONDS);
        assertEquals(Optional.of("from-keychain"), answer);
    }

    @Test
    void aWrongRememberedPasswordIsAskedForAndCanBeRememberedAgain(FxRobot robot) throws Exception {
        remembered.put("p1", "stale");
        CompletableFuture<Optional<String>> answer = CompletableFuture.supplyAsync(
                () -> dialogs().password("p1", "alice@example.org", 2));
        var pane = awaitDialog(robot, "#secret-field");
        assertTrue(pane.getHeaderText().contains("not accepted"), pane.getHeaderText());
        PasswordField field = robot.lookup("#secret-field").queryAs(PasswordField.class);
        robot.interact(() -> field.setText("fresh"));
        robot.clickOn("#secret-remember");
        press(robot, pane, dev.tern.app.ui.dialogs.SecretDialog.LOG_IN);
        assertEquals(Optional.of("fresh"), answer.get(5, TimeUnit.SECONDS));
        assertEquals("fresh", remembered.get("p1"));
    }

    @Test
    void cancellingAKeyboardInteractivePromptAnswersNothing(FxRobot robot) throws Exception {
        CompletableFuture<Optional<List<String>>> answer = CompletableFuture.supplyAsync(
                () -> dialogs().keyboardInteractive("alice@example.org", "", "Two-factor login",
                        List.of(new dev.tern.app.session.LoginPrompts.Question("Password:", false),
                                new dev.tern.app.session.LoginPrompts.Question("Code:", true))));
        var pane = awaitDialog(robot, "#kbd-answer-1");
        assertTrue(robot.lookup("#kbd-answer-0").query() instanceof PasswordField, "secret prompts are hidden");
        assertTrue(robot.lookup("#kbd-answer-1").query() instanceof TextField);
        press(robot, pane, ButtonType.CANCEL);
        assertEquals(Optional.empty(), answer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aNewHostKeyShowsItsFingerprintAndDefaultsToCancel(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(() -> dialogs().acceptNewHostKey(
                "[example.org]:2222", "ssh-ed25519", "SHA256:abcDEF123", Path.of("/tmp/known_hosts")));
        var pane = awaitDialog(robot, "#host-key-fingerprint");
        assertEquals("SHA256:abcDEF123", robot.lookup("#host-key-fingerprint").queryAs(TextField.class).getText());
        Button cancel = (Button) pane.lookupButton(ButtonType.CANCEL);
        assertTrue(cancel.isDefaultButton(), "Enter does not trust a key");
        press(robot, pane, dev.tern.app.ui.dialogs.HostKeyDialog.TRUST);
        assertTrue(answer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aChangedHostKeyOffersNoWayToConnect(FxRobot robot) throws Exception {
        CompletableFuture<Void> shown = CompletableFuture.runAsync(() -> dialogs().hostKeyChanged(
                "example.org", "ssh-ed25519", "SHA256:known", "SHA256:offered", Path.of("/tmp/known_hosts"), 7));
        var pane = awaitDialog(robot, "#offered-fingerprint");
        assertEquals(List.of(ButtonType.CLOSE), pane.getButtonTypes(), "only Close, no bypass");
        assertEquals("SHA256:known", robot.lookup("#known-fingerprint").queryAs(TextField.class).getText());
        assertTrue(pane.getHeaderText().contains("CHANGED"));
        assertFalse(pane.lookupAll(".button").stream().anyMatch(n -> n instanceof Button b && b.getText() != null
                && b.getText().toLowerCase(java.util.Locale.ROOT).contains("connect")), "no connect button");
        press(robot, pane, ButtonType.CLOSE);
        shown.get(5, TimeUnit.SECONDS);
    }
}
