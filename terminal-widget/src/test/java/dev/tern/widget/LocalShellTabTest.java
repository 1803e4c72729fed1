package dev.tern.widget;

import dev.tern.widget.connect.ConnectionState;
import dev.tern.widget.connect.LocalShellConnector;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class LocalShellTabTest {
    @RegisterExtension
    final ShownView shown = new ShownView();
    private TerminalView view;

    static LocalShellConnector plainBash() {
        return new LocalShellConnector(List.of("/bin/bash", "--norc", "--noprofile"), Map.of("PS1", "$ "),
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    @BeforeEach
    void showView(FxRobot robot) {
        view = shown.show(robot, plainBash());
    }

    @Test
    void typedCommandRunsAndItsOutputIsReadBackFromTheWidget(FxRobot robot) {
        Eventually.screenContains(view, "$ ");
        ShownView.typeLine(robot, view, "echo $((6*7))-ok");
        Eventually.screenContains(view, "42-ok");
        assertEquals(ConnectionState.CONNECTED, view.stateProperty().get());
    }

    /**
     * An idle view pauses the library's repaint timer (a running one keeps JavaFX's pulse going sixty times a second),
     * and output that comes later plays it again, so the output is painted.
     */
    @Test
    void anIdleViewPausesItsRepaintTimerAndLaterOutputPlaysItAgain(FxRobot robot) {
        Eventually.screenContains(view, "$ ");
        ShownView.typeLine(robot, view, "sleep 3; echo woke-$((6*7))");
        Eventually.screenContains(view, "sleep 3; echo");
        TernTerminalWidget widget = view.widget();
        Eventually.until(Duration.ofSeconds(3), () -> {
            robot.interact(() -> {
                widget.idleTick(true);  // nothing asked for a repaint since the tick before
                widget.idleTick(true);
            });
            return widget.repaintTimerPaused();
        }, () -> "the repaint timer kept running while nothing happened");
        Eventually.screenContains(view, "woke-42");
        Eventually.until(Duration.ofSeconds(3), () -> !widget.repaintTimerPaused(),
                () -> "the output did not play the repaint timer again");
    }

    /**
     * A local tab's platform threads are the two that wait in native code (the pty's reader and pty4j's reaper) and,
     * while input flows, the input pump's: the frames, the widget's emulator and its jobs run on virtual threads.
     */
    @Test
    void aLocalTabHoldsNoPlatformThreadForWhatOnlyWaitsOnJavaLocks(FxRobot robot) {
        Eventually.screenContains(view, "$ ");
        ShownView.typeLine(robot, view, "echo threads-ok");
        Eventually.screenContains(view, "threads-ok");
        List<String> platform = Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
        List<String> perTab = platform.stream().filter(n -> n.startsWith("tern-frames")
                || n.startsWith("TerminalEmulator") || n.startsWith("JediTerm") || n.startsWith("tern-emulator")
                || n.startsWith("tern-widget-jobs")).toList();
        assertEquals(List.of(), perTab, "platform threads of the tab that could be virtual; all: " + platform);
        assertTrue(platform.stream().anyMatch(n -> n.startsWith("tern-read-")), "the pty's reader: " + platform);
    }

    @Test
    void resizeReachesTheShell(FxRobot robot) {
        Eventually.screenContains(view, "$ ");
        var size = shown.resizeReachesTheRemote(robot, 560, 300);
        assertTrue(size.getColumns() < 80, "narrower after resize: " + size);
    }

    @Test
    void exitShowsTheEndInTheTabAndClosesTheState(FxRobot robot) {
        Eventually.screenContains(view, "$ ");
        ShownView.typeLine(robot, view, "exit 3");
        Eventually.screenContains(view, "Process exited with code 3.");
        Eventually.until(Duration.ofSeconds(5), () -> view.stateProperty().get() == ConnectionState.CLOSED,
                () -> String.valueOf(view.stateProperty().get()));
        assertEquals("Process exited with code 3.", view.messageProperty().get());
    }

    @Test
    void theProgramSetsTheTitleAndRingsTheVisualBell(FxRobot robot) {
        Eventually.screenContains(view, "$ ");
        robot.interact(view::requestTerminalFocus);
        robot.write("printf '\\e]0;build: ok\\a'; printf '\\a'; echo rung");
        robot.type(KeyCode.ENTER);
        Eventually.screenContains(view, "\nrung");
        Eventually.until(Duration.ofSeconds(5), () -> "build: ok".equals(view.titleProperty().get()),
                () -> view.titleProperty().get());
        Eventually.until(Duration.ofSeconds(5), () -> view.visualBellRings() > 0, () -> "no flash");
        assertEquals(1, view.visualBellRings());
    }

    @Test
    void addressesOnScreenAreLinksThatTheAppOpens(FxRobot robot) {
        java.util.List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> view.setLinkOpener(opened::add));
        Eventually.screenContains(view, "$ ");
        ShownView.typeLine(robot, view, "echo docs at https://example.org/tern?q=1 ok");
        Eventually.screenContains(view, "\ndocs at");
        String[] lines = view.screenText().split("\n");
        int row = 0;
        while (!lines[row].startsWith("docs at")) {
            row++;
        }
        int column = lines[row].indexOf("https://");
        var style = view.textBuffer().getStyleAt(column + 3, row);
        assertTrue(style instanceof com.techsenger.jeditermfx.core.HyperlinkStyle, String.valueOf(style));
        ((com.techsenger.jeditermfx.core.HyperlinkStyle) style).getLinkInfo().navigate();
        assertEquals(java.util.List.of("https://example.org/tern?q=1"), opened);
    }
}
