package dev.tern.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.secret.SecretStore;
import dev.tern.app.session.LoginPrompts;
import dev.tern.app.ui.dialogs.KeychainPasswordMemory;
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
    private static final LoginPrompts.Hop TARGET = new LoginPrompts.Hop("alice@example.org", "alice@example.org:22",
            true);
    private static final LoginPrompts.Hop BASTION = new LoginPrompts.Hop("alice@bastion.example.org",
            "alice@bastion.example.org:22", false);

    /** The keychain, as a map from profile id to the stored value. */
    private final java.util.Map<String, String> keychain = new java.util.HashMap<>();
    private final SecretStore secrets = new SecretStore() {
        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String unavailableReason() {
            return "";
        }

        @Override
        public Optional<String> load(String profileId) {
            return Optional.ofNullable(keychain.get(profileId));
        }

        @Override
        public boolean store(String profileId, String secret) {
            keychain.put(profileId, secret);
            return true;
        }

        @Override
        public void delete(String profileId) {
            keychain.remove(profileId);
        }
    };
    /** The real keychain memory over that map, for a saved profile "p1" with "remember" set. */
    private final PasswordMemory memory = new KeychainPasswordMemory(secrets, "p1"::equals, "p1"::equals, id -> { });

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
        memory.remember("p1", TARGET, "from-keychain");
        Optional<String> answer = CompletableFuture.supplyAsync(() -> dialogs().password("p1", TARGET, 1))
                .get(5, TimeUnit.SECONDS);
        assertEquals(Optional.of("from-keychain"), answer);
    }

    @Test
    void aWrongRememberedPasswordIsAskedForAndCanBeRememberedAgain(FxRobot robot) throws Exception {
        memory.remember("p1", TARGET, "stale");
        CompletableFuture<Optional<String>> answer = CompletableFuture.supplyAsync(
                () -> dialogs().password("p1", TARGET, 2));
        var pane = awaitDialog(robot, "#secret-field");
        assertTrue(pane.getHeaderText().contains("not accepted"), pane.getHeaderText());
        PasswordField field = robot.lookup("#secret-field").queryAs(PasswordField.class);
        robot.interact(() -> field.setText("fresh"));
        robot.clickOn("#secret-remember");
        press(robot, pane, dev.tern.app.ui.dialogs.SecretDialog.LOG_IN);
        assertEquals(Optional.of("fresh"), answer.get(5, TimeUnit.SECONDS));
        assertEquals(Optional.of("fresh"), memory.recall("p1", TARGET));
    }

    @Test
    void theTargetsSavedPasswordIsNotOfferedToTheJumpHost(FxRobot robot) throws Exception {
        memory.remember("p1", TARGET, "target-secret");
        CompletableFuture<Optional<String>> answer = CompletableFuture.supplyAsync(
                () -> dialogs().password("p1", BASTION, 1));
        var pane = awaitDialog(robot, "#secret-field");
        assertTrue(pane.getHeaderText().contains("jump host alice@bastion.example.org"), pane.getHeaderText());
        press(robot, pane, ButtonType.CANCEL);
        assertEquals(Optional.empty(), answer.get(5, TimeUnit.SECONDS));
        assertEquals(Optional.of("target-secret"), CompletableFuture.supplyAsync(
                () -> dialogs().password("p1", TARGET, 1)).get(5, TimeUnit.SECONDS));
    }

    @Test
    void rememberingTheJumpHostsPasswordKeepsTheTargets(FxRobot robot) throws Exception {
        memory.remember("p1", TARGET, "target-secret");
        CompletableFuture<Optional<String>> answer = CompletableFuture.supplyAsync(
                () -> dialogs().password("p1", BASTION, 1));
        var pane = awaitDialog(robot, "#secret-field");
        PasswordField field = robot.lookup("#secret-field").queryAs(PasswordField.class);
        robot.interact(() -> field.setText("bastion-secret"));
        robot.clickOn("#secret-remember");
        press(robot, pane, dev.tern.app.ui.dialogs.SecretDialog.LOG_IN);
        assertEquals(Optional.of("bastion-secret"), answer.get(5, TimeUnit.SECONDS));
        assertEquals(Optional.of("target-secret"), memory.recall("p1", TARGET));
        assertEquals(Optional.of("bastion-secret"), memory.recall("p1", BASTION));
        LoginPrompts.Hop otherPort = new LoginPrompts.Hop("alice@example.org:2222", "alice@example.org:2222", true);
        assertEquals(Optional.empty(), memory.recall("p1", otherPort), "a secret belongs to one port too");
    }

    @Test
    void aPasswordFromTheProfileEditorIsTheTargetsOnly() {
        keychain.put("p1", "typed-in-the-editor");
        assertEquals(Optional.of("typed-in-the-editor"), memory.recall("p1", TARGET));
        assertEquals(Optional.empty(), memory.recall("p1", BASTION));
        memory.remember("p1", BASTION, "bastion-secret");
        assertEquals(Optional.of("typed-in-the-editor"), memory.recall("p1", TARGET));
        assertEquals(Optional.of("bastion-secret"), memory.recall("p1", BASTION));
    }

    @Test
    void aHostThatIsNotNamedExactlyGetsNoRememberedPassword(FxRobot robot) throws Exception {
        memory.remember("p1", TARGET, "target-secret");
        CompletableFuture<Optional<String>> answer = CompletableFuture.supplyAsync(() -> dialogs().password("p1",
                new LoginPrompts.Hop("alice@example.org", null, false), 1));
        var pane = awaitDialog(robot, "#secret-field");
        assertTrue(robot.lookup("#secret-remember").tryQuery().isEmpty(), "nothing to remember it under");
        press(robot, pane, ButtonType.CANCEL);
        assertEquals(Optional.empty(), answer.get(5, TimeUnit.SECONDS));
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
                "[example.org]:2222", "ssh-ed25519", "SHA256:abcDEF123", Path.of("/tmp/known_hosts"), List.of()));
        var pane = awaitDialog(robot, "#host-key-fingerprint");
        assertEquals("SHA256:abcDEF123", robot.lookup("#host-key-fingerprint").queryAs(TextField.class).getText());
        Button cancel = (Button) pane.lookupButton(ButtonType.CANCEL);
        assertTrue(cancel.isDefaultButton(), "Enter does not trust a key");
        press(robot, pane, dev.tern.app.ui.dialogs.HostKeyDialog.TRUST);
        assertTrue(answer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aKeyOfAnotherTypeIsNotShownAsAFirstConnection(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(() -> dialogs().acceptNewHostKey(
                "example.org", "ecdsa-sha2-nistp256", "SHA256:ecdsaPrint", Path.of("/tmp/known_hosts"),
                List.of("ED25519")));
        var pane = awaitDialog(robot, "#host-key-fingerprint");
        assertTrue(pane.getHeaderText().contains("another type") && pane.getHeaderText().contains("ED25519"),
                pane.getHeaderText());
        assertFalse(pane.getHeaderText().contains("not seen"), pane.getHeaderText());
        assertTrue(robot.lookup("#host-key-other-type").tryQuery().isPresent(), "the warning is shown");
        assertTrue(((Button) pane.lookupButton(ButtonType.CANCEL)).isDefaultButton());
        press(robot, pane, ButtonType.CANCEL);
        assertFalse(answer.get(5, TimeUnit.SECONDS));
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
