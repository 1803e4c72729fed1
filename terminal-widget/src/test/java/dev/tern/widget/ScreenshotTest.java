package dev.tern.widget;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Colourful screens rendered to PNGs under target/screenshots, with checks that the colours really arrived. */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {
    @RegisterExtension
    final ShownView shown = new ShownView();
    private TerminalView view;

    @BeforeEach
    void showView(FxRobot robot) {
        view = shown.show(robot, LocalShellTabTest.plainBash(), 900, 560, Function.identity());
    }

    private void run(FxRobot robot, String command) {
        ShownView.typeLine(robot, view, command);
    }

    @Test
    void palette256TrueColourAndAttributes(FxRobot robot, @TempDir Path dir) throws Exception {
        Path script = dir.resolve("chart.sh");
        Files.writeString(script, """
                clear
                for i in $(seq 0 255); do printf '\\e[48;5;%dm  ' $i; [ $(( (i+1) % 32 )) -eq 0 ] && printf '\\e[0m\\n'; done
                for i in $(seq 0 3 255); do printf '\\e[48;2;%d;%d;%dm ' $i $((255-i)) 128; done; printf '\\e[0m\\n'
                printf '\\e[38;2;255;128;0mtrue-colour orange\\e[0m \\e[1mbold\\e[0m \\e[4munderlined\\e[0m '
                printf '\\e[3mitalic\\e[0m \\e[7minverse\\e[0m \\e[31mred\\e[32mgreen\\e[34mblue\\e[0m\\n'
                """);
        Eventually.screenContains(view, "$ ");
        run(robot, "bash " + script);
        Eventually.screenContains(view, "true-colour orange");
        BufferedImage shot = Screenshots.takeOnce(robot, view, image -> Screenshots.distinctColours(image) > 250,
                "the chart's colours");
        Path file = Screenshots.save(shot, "palette-truecolour");
        Screenshots.grabRealScreen("palette-truecolour");
        int colours = Screenshots.distinctColours(shot);
        System.out.println("screenshot " + file + ": " + colours + " distinct colours");
        assertTrue(colours > 250, "256-colour and true-colour backgrounds all drawn: " + colours);

        int row = rowContaining("true-colour orange");
        TextStyle orange = view.textBuffer().getStyleAt(0, row);
        assertEquals(TerminalColor.rgb(255, 128, 0), orange.getForeground());
        int underlined = view.textBuffer().getLine(row).getText().indexOf("underlined");
        assertTrue(view.textBuffer().getStyleAt(underlined, row).hasOption(TextStyle.Option.UNDERLINED));
    }

    @Test
    void colouredFullScreenProgramLeavesTheHistoryAlone(FxRobot robot, @TempDir Path dir) throws Exception {
        Path source = dir.resolve("Hello.java");
        Files.writeString(source, """
                /** A program to colour. */
                public final class Hello {
                    private static final String GREETING = "hello, world";

                    public static void main(String[] args) {
                        for (int i = 0; i < 3; i++) {
                            System.out.println(GREETING + " #" + i); // counted
                        }
                    }
                }
                """);
        Eventually.screenContains(view, "$ ");
        run(robot, "TERM=xterm-256color vim -u NONE -N -c 'syntax on' -c 'set t_Co=256' " + source);
        Eventually.screenContains(view, "hello, world");
        BufferedImage shot = Screenshots.takeOnce(robot, view, Screenshots::hasColour, "vim's syntax colours");
        Path file = Screenshots.save(shot, "vim-full-screen");
        Screenshots.grabRealScreen("vim-full-screen");
        System.out.println("screenshot " + file + ": " + Screenshots.distinctColours(shot) + " distinct colours");
        int keyword = rowContaining("public final class");
        assertFalse(view.textBuffer().getStyleAt(0, keyword).getForeground() == null,
                "vim coloured the keyword");

        ShownView.typeLine(robot, view, ":q!");
        Eventually.until(Duration.ofSeconds(10), () -> !view.screenText().contains("hello, world"),
                view::screenText);
        assertFalse(view.historyText().contains("GREETING"), "vim's screen is not in the history");
    }

    private int rowContaining(String text) {
        String[] lines = view.screenText().split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no row contains " + text + ":\n" + view.screenText());
    }
}
