package dev.tern.widget;

import javafx.application.Application;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mouse wheel over the history (three lines a notch, the program's when it asks) and the search bar. */
@ExtendWith(ApplicationExtension.class)
class WheelAndSearchTest {
    @RegisterExtension
    final ShownView shown = new ShownView();
    private TerminalView view;
    private ScriptedConnector connector;

    /** 300 numbered lines, then {@code after} (a mode switch), shown in a view until {@code lastShown} is. */
    private void show(FxRobot robot, String after, String lastShown) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ScriptedConnector.seqLines(300));
        out.writeBytes(after.getBytes(StandardCharsets.US_ASCII));
        connector = new ScriptedConnector(out.toByteArray(), null, n -> { });
        view = shown.show(robot, connector);
        Eventually.until(Duration.ofSeconds(10), () -> connector.finishedNanos != 0, () -> "still playing");
        Eventually.screenContains(view, lastShown);
    }

    /** Waits until the scroll bar covers the history, so a wheel notch has lines to scroll. */
    private void awaitScrollableHistory() {
        Eventually.until(Duration.ofSeconds(10), () -> {
            ScrollBar bar = find(view, ScrollBar.class);
            return bar != null && bar.getMax() - bar.getMin() > bar.getVisibleAmount();
        }, () -> "no history in the scroll bar");
    }

    private static <T extends Node> T find(Node node, Class<T> type) {
        if (type.isInstance(node)) {
            return type.cast(node);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                T found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** One notch of a wheel as JavaFX reports it on Linux: 40 pixels, and the platform's 3 lines. */
    private void wheel(FxRobot robot, int notches) {
        Canvas canvas = find(view, Canvas.class);
        robot.interact(() -> Event.fireEvent(canvas, new ScrollEvent(ScrollEvent.SCROLL, 100, 100, 100, 100,
                false, false, false, false, false, false, 0, 40.0 * notches, 0, 40.0 * notches,
                ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.LINES,
                3.0 * notches, 0, null)));
    }

    /** How far up from the newest line the view is scrolled, in lines (JediTermFX's scroll bar arithmetic). */
    private double linesFromBottom() {
        ScrollBar bar = find(view, ScrollBar.class);
        return (bar.getMax() - bar.getValue()) * (bar.getMax() - bar.getVisibleAmount() - bar.getMin())
                / (bar.getMax() - bar.getMin());
    }

    @Test
    void eachWheelNotchScrollsTheHistoryThreeLines(FxRobot robot) {
        show(robot, "", "\n300");
        awaitScrollableHistory();
        assertEquals(0, linesFromBottom(), 0.01);
        wheel(robot, 1);
        assertEquals(3, linesFromBottom(), 0.01);
        wheel(robot, 2);
        assertEquals(9, linesFromBottom(), 0.01);
        wheel(robot, -1);
        assertEquals(6, linesFromBottom(), 0.01);
    }

    @Test
    void withMouseReportingOnTheWheelGoesToTheProgram(FxRobot robot) {
        show(robot, "\033[?1000h", "\n300");
        awaitScrollableHistory();
        wheel(robot, 1);
        assertEquals(0, linesFromBottom(), 0.01, "the history stays put");
        Eventually.until(Duration.ofSeconds(5), () -> connector.received.toString(StandardCharsets.ISO_8859_1)
                .contains("\033[M"), () -> "sent: " + connector.received);
    }

    @Test
    void onTheAlternateScreenTheWheelIsNotTernsToScroll(FxRobot robot) {
        show(robot, "\033[?1049hfull screen", "full screen");
        wheel(robot, 1);
        assertTrue(linesFromBottom() < 3, "scrolled " + linesFromBottom());
    }

    @Test
    void theSearchBarReadsOverTheTerminalUnderAThemeWithoutModenasColours(FxRobot robot) {
        List<LogRecord> cssProblems = new CopyOnWriteArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                cssProblems.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        // JavaFX reports CSS conversion failures through its platform logger, which ends in java.util.logging
        Logger css = Logger.getLogger("");
        css.addHandler(recorder);
        // the app's AtlantaFX theme defines no -fx-background and colours labels dark grey, as this one does
        Application.setUserAgentStylesheet(Optional.ofNullable(getClass().getResource("no-modena.css"))
                .orElseThrow().toExternalForm());
        try {
            show(robot, "", "\n300");
            robot.interact(view::requestTerminalFocus);
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
            Eventually.until(Duration.ofSeconds(5), () -> view.lookup("#search-text") != null, () -> "no search bar");
            TextField text = (TextField) view.lookup("#search-text");
            robot.interact(() -> text.setText("25"));
            Label count = (Label) view.lookup("#search-count");
            Eventually.until(Duration.ofSeconds(10), () -> count.getText().matches("\\d+ of \\d+"),
                    () -> "search count " + count.getText());
            CheckBox ignoreCase = (CheckBox) view.lookup("#search-ignore-case");
            Button previous = (Button) view.lookup("#search-previous");
            Region bar = (Region) text.getParent();
            assertTrue(count.getText().matches("\\d+ of \\d+"), count.getText());

            Color background = (Color) bar.getBackground().getFills().getFirst().getFill();
            for (javafx.scene.control.Labeled label : List.<javafx.scene.control.Labeled>of(count, ignoreCase)) {
                double contrast = contrast((Color) label.getTextFill(), background);
                assertTrue(contrast >= 4.5, label.getText() + " contrast " + contrast);
            }
            Bounds countBounds = count.getBoundsInParent();
            assertTrue(count.getWidth() >= count.prefWidth(-1) - 0.5, "the count is cut: " + count.getWidth());
            assertTrue(countBounds.getMaxX() <= previous.getBoundsInParent().getMinX(),
                    "the count runs under the arrow buttons");
            assertTrue(ignoreCase.getBoundsInParent().getMaxX() <= countBounds.getMinX());
            assertTrue(cssProblems.stream().noneMatch(r -> String.valueOf(r.getMessage()).contains("ClassCast")
                    || r.getThrown() instanceof ClassCastException), () -> cssProblems.stream()
                    .map(r -> r.getMessage() + " " + r.getThrown()).toList().toString());
        } finally {
            Application.setUserAgentStylesheet(null);
            css.removeHandler(recorder);
        }
    }

    /** WCAG's contrast ratio of two colours (1 to 21; 4.5 is enough for text). */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
