package dev.tern.widget;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.awt.image.BufferedImage;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class ZoomAndSchemeTest {
    @RegisterExtension
    final ShownView shown = new ShownView();
    private TerminalView view;

    @BeforeEach
    void showView(FxRobot robot) {
        view = shown.show(robot, LocalShellTabTest.plainBash());
    }

    @Test
    void ctrlPlusMinusAndZeroZoomTheFont(FxRobot robot) {
        Eventually.screenContains(view, "$ ");
        int columns = view.textBuffer().getWidth();
        robot.interact(view::requestTerminalFocus);
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        Eventually.until(Duration.ofSeconds(5), () -> view.textBuffer().getWidth() < columns,
                () -> "width " + view.textBuffer().getWidth() + " zoom " + view.zoom() + " font " + view.settings().fontSize());
        assertEquals(1.2, view.zoom(), 1e-9);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        Eventually.until(Duration.ofSeconds(5), () -> view.textBuffer().getWidth() == columns,
                () -> "width " + view.textBuffer().getWidth() + " zoom " + view.zoom() + " font " + view.settings().fontSize());
        // JediTermFX rounds the cell width to whole pixels, so one 10 % step may keep the column count
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        Eventually.until(Duration.ofSeconds(5), () -> view.textBuffer().getWidth() > columns,
                () -> "width " + view.textBuffer().getWidth() + " zoom " + view.zoom() + " font " + view.settings().fontSize());
        assertEquals(0.8, view.zoom(), 1e-9);
        // the shell follows the new size, and the keys did not reach it
        robot.write("stty size");
        robot.type(KeyCode.ENTER);
        Eventually.until(Duration.ofSeconds(5), () -> view.screenText().contains(
                view.textBuffer().getHeight() + " " + view.textBuffer().getWidth()), view::screenText);
        assertTrue(view.screenText().startsWith("$ stty size"), view.screenText());
    }

    @Test
    void switchingToTheLightSchemeRepaintsTheOpenView(FxRobot robot) throws Exception {
        Eventually.screenContains(view, "$ ");
        robot.interact(() -> view.setSettings(view.settings().withScheme(ColorScheme.LIGHT)));
        BufferedImage shot = Screenshots.takeOnce(robot, view,
                image -> bottomMiddle(image) == ColorScheme.LIGHT.background(), "the light background");
        Screenshots.save(shot, "light-scheme");
        int corner = bottomMiddle(shot);
        assertEquals(ColorScheme.LIGHT.background(), corner, Integer.toHexString(corner));
    }

    private static int bottomMiddle(BufferedImage image) {
        return image.getRGB(image.getWidth() / 2, image.getHeight() - 20) & 0xFFFFFF;
    }
}
