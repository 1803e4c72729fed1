package dev.tern.app.ui;

import static dev.tern.app.ui.MainWindowTest.chooseFromContextMenu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.AuthMethod;
import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.Profile;
import dev.tern.app.profile.ProfileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Creating and editing profiles through the editor dialog, with its inline validation. Headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class ProfileEditorTest {
    @TempDir
    Path configDir;

    private AppHarness harness;
    private MainWindow window;

    @Start
    void start(Stage stage) throws IOException {
        harness = new AppHarness(configDir);
        harness.seed(Profile.remote("build", "Work", ConnectionKind.MOSH, "alice", "build.example.org", null));
        window = harness.start(stage);
    }

    private static String error(FxRobot robot, String fieldId) {
        return robot.lookup("#" + fieldId + "-error").queryAs(Label.class).getText();
    }

    private static boolean editorOpen(FxRobot robot) {
        return robot.lookup("#save-button").tryQuery().isPresent();
    }

    private static void selectSection(FxRobot robot, String title) {
        javafx.scene.control.TabPane sections = robot.lookup(".editor-sections")
                .queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> sections.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> sections.getSelectionModel().select(t)));
    }

    private static void replaceText(FxRobot robot, String fieldId, String text) {
        // typing long strings through the robot is slow; the editor reacts to the text property either way
        TextField field = robot.lookup("#" + fieldId).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
    }

    @Test
    void aNewProfileShowsEachProblemUnderItsFieldAndSavesOnceFixed(FxRobot robot) throws IOException {
        robot.clickOn("#new-profile-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editorOpen(robot));
        assertEquals("", error(robot, "name-field"), "a pristine form shows no errors yet");

        robot.clickOn("#save-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editorOpen(robot), "Save does nothing while fields are wrong");
        assertEquals("A name is required", error(robot, "name-field"));
        assertEquals("A host name or address is required", error(robot, "host-field"));

        robot.clickOn("#name-field").write("web");
        replaceText(robot, "host-field", "alice@web.example.org");
        robot.clickOn("#port-field").write("99999");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", error(robot, "name-field"), "fixed fields clear their message at once");
        assertEquals("Put the user name in the User field", error(robot, "host-field"));
        assertEquals("Port must be from 1 to 65535", error(robot, "port-field"));
        assertTrue(robot.lookup("#port-field").query().getStyleClass().contains("invalid"));

        replaceText(robot, "host-field", "web.example.org");
        replaceText(robot, "port-field", "2200");
        robot.clickOn("#user-field").write("bob");
        robot.clickOn((Node) robot.lookup("#group-field").query()).write("Lab");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", error(robot, "port-field"));
        robot.clickOn("#save-button");
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(editorOpen(robot), "the dialog closed");
        Profile saved = new ProfileStore(configDir).load().document().profiles().stream()
                .filter(p -> p.name().equals("web")).findFirst().orElseThrow();
        assertEquals("web.example.org", saved.host());
        assertEquals(2200, saved.port());
        assertEquals("bob", saved.user());
        assertEquals("Lab", saved.group());
        assertEquals(ConnectionKind.MOSH, saved.kind());
        assertTrue(window.sidebar().visibleProfiles().stream().anyMatch(p -> p.name().equals("web")));
    }

    @Test
    void editingChangesTheSavedProfileAndCatchesBadMoshOptions(FxRobot robot) throws IOException {
        chooseFromContextMenu(robot, "build", "Edit…");
        assertTrue(editorOpen(robot));
        assertEquals("build.example.org", robot.lookup("#host-field").queryAs(TextField.class).getText());

        selectSection(robot, "Mosh");
        replaceText(robot, "udp-ports-field", "60010:60001");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("The range must go from low to high", error(robot, "udp-ports-field"));
        replaceText(robot, "udp-ports-field", "60001:60010");
        replaceText(robot, "locale-field", "C.UTF-8");

        selectSection(robot, "General");
        replaceText(robot, "name-field", "build (renamed)");
        robot.clickOn("#save-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(editorOpen(robot));

        Profile saved = new ProfileStore(configDir).load().document().profiles().getFirst();
        assertEquals("build (renamed)", saved.name());
        assertEquals("60001:60010", saved.mosh().udpPorts());
        assertEquals("C.UTF-8", saved.mosh().locale());
        assertEquals("alice", saved.user(), "untouched fields keep their values");
    }

    @Test
    void aRememberedPasswordGoesToTheKeychainAndNeverToTheFile(FxRobot robot) throws IOException {
        String testPassword = "s3cret-editor-test-password";
        chooseFromContextMenu(robot, "build", "Edit…");
        selectSection(robot, "Authentication");
        @SuppressWarnings("unchecked")
        ChoiceBox<AuthMethod> auth = robot.lookup("#auth-field").queryAs(ChoiceBox.class);
        robot.interact(() -> auth.setValue(AuthMethod.PASSWORD));
        javafx.scene.control.PasswordField password = robot.lookup("#password-field")
                .queryAs(javafx.scene.control.PasswordField.class);
        robot.interact(() -> password.setText(testPassword));
        robot.clickOn("#remember-field");
        robot.clickOn("#save-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(editorOpen(robot));

        Profile saved = new ProfileStore(configDir).load().document().profiles().getFirst();
        assertTrue(saved.rememberPassword());
        assertEquals(testPassword, harness.secrets.load(saved.id()).orElseThrow());
        try (Stream<Path> files = Files.walk(configDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains(testPassword), file + " holds the password");
            }
        }
    }

    @Test
    void theKeyChooserOpensInDotSshOrTheFolderOfTheKeyNamed(@TempDir Path home) throws IOException {
        assertEquals(java.util.Optional.of(home), ProfileEditor.initialKeyFolder("", home),
                "no ~/.ssh yet: the home folder");
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        assertEquals(java.util.Optional.of(ssh), ProfileEditor.initialKeyFolder("", home));
        assertEquals(java.util.Optional.of(ssh), ProfileEditor.initialKeyFolder("  ", home));
        Path keys = Files.createDirectories(home.resolve("work/keys"));
        assertEquals(java.util.Optional.of(keys), ProfileEditor.initialKeyFolder(keys.resolve("id_work").toString(),
                home));
        assertEquals(java.util.Optional.of(keys), ProfileEditor.initialKeyFolder("~/work/keys/id_work", home));
        assertEquals(java.util.Optional.of(ssh), ProfileEditor.initialKeyFolder("~/gone/id_old", home),
                "a folder that is gone: ~/.ssh");
    }
}
