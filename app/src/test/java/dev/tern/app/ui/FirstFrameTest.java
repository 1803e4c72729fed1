package dev.tern.app.ui;

import dev.tern.app.profile.ThemeChoice;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the window leaves until after its first frame, and the theme set before its first control. Headless. */
@ExtendWith(ApplicationExtension.class)
class FirstFrameTest {
    @TempDir
    Path configDir;

    @Test
    void workRunsOnceAfterTheNextLayoutPulseNotAtOnce(FxRobot robot) {
        AtomicInteger runs = new AtomicInteger();
        int[] atOnce = new int[1];
        robot.interact(() -> {
            Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
            Scene scene = new Scene(new Pane(), 300, 200);
            stage.setScene(scene);
            stage.show();
            FirstFrame.then(scene, runs::incrementAndGet);
            atOnce[0] = runs.get();
        });
        assertEquals(0, atOnce[0], "ran before the frame");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (runs.get() == 0 && System.nanoTime() < deadline) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(1, runs.get(), "ran after the frame");
        for (int i = 0; i < 5; i++) {
            robot.interact(() -> FxToolkit.toolkitContext().getRegisteredStage().getScene().getRoot().requestLayout());
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(1, runs.get(), "ran once only");
    }

    @Test
    void theMainWindowGetsItsIconsAfterItsFirstFrame(FxRobot robot) {
        AppHarness harness = new AppHarness(configDir);
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> window[0] = harness.start(FxToolkit.toolkitContext().getRegisteredStage()));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (window[0].stage().getIcons().isEmpty() && System.nanoTime() < deadline) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertFalse(window[0].stage().getIcons().isEmpty(), "the window has its icons");
        assertTrue(window[0].stage().getIcons().stream().anyMatch(image -> image.getWidth() >= 48),
                "a size a task list shows");
    }

    @Test
    void thePresetThemeIsTheOneAFollowTheSystemWindowApplies(FxRobot robot) {
        String[] preset = new String[1];
        String[] applied = new String[1];
        robot.interact(() -> {
            Theme.preset();
            preset[0] = Application.getUserAgentStylesheet();
            Theme.apply(ThemeChoice.FOLLOW_SYSTEM, new Scene(new Pane()));
            applied[0] = Application.getUserAgentStylesheet();
        });
        assertTrue(preset[0] != null && preset[0].contains("primer"), "an AtlantaFX Primer theme: " + preset[0]);
        assertEquals(applied[0], preset[0], "apply keeps the preset stylesheet, so it is parsed once");
    }
}
