package dev.tern.app.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cursor blinks while the person types and rests once they stop, as in GTK's terminals: ten seconds after the
 * last key it stays drawn and the window stops changing (a focused tab that blinked all day repainted its whole
 * screen twice a second all day). The next key brings the blink back. Read from screenshots of the real window.
 */
class CursorRestIT extends PersonTest {
    private static final Duration STEP = Duration.ofSeconds(30);

    @Test
    void theCursorRestsShownTenSecondsAfterTheLastKeyAndBlinksAgainAtTheNext() throws Exception {
        Desk desk = new Desk(dir);
        Files.writeString(desk.config.resolve("window.json"), "{\"width\":900,\"height\":600,\"maximized\":false,"
                + "\"sidebarWidth\":0.24,\"selectedTab\":0,\"openTabs\":[{\"kind\":\"LOCAL\",\"target\":\"\"}]}\n");
        try (TernProcess tern = desk.startTern(x)) {
            tern.awaitTerminalDrawn(STEP);
            tern.focusTerminal();
            Shell.awaitPrompt(x, "cursor");

            List<int[]> typing = frames(tern);
            assertTrue(distinct(typing) >= 2, "the cursor blinks while the person is typing");
            int[] shown = typing.stream().max(Comparator.comparingLong(CursorRestIT::inked)).orElseThrow();

            Thread.sleep(11_500);  // ten seconds without a key, and the view's one-second clock
            List<int[]> resting = frames(tern);
            x.screenshot(Screens.file("cursor-resting"));
            assertEquals(1, distinct(resting), "nothing on the screen changes once the cursor rests");
            assertTrue(Arrays.equals(shown, resting.getFirst()), "the resting cursor is drawn, not hidden");

            x.type(" ");
            x.key("BackSpace");
            Thread.sleep(700);  // the echo of the space and its erasure are over
            assertTrue(distinct(frames(tern)) >= 2, "the next key brings the blink back");
            assertEquals(List.of(), tern.loggedExceptions(), "exceptions in Tern's log");
        }
    }

    /** Eight pictures of the terminal over about two seconds: four blink periods. */
    private static List<int[]> frames(TernProcess tern) throws IOException, InterruptedException {
        List<int[]> frames = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            BufferedImage image = tern.terminalArea();
            frames.add(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()));
            Thread.sleep(200);
        }
        return frames;
    }

    private static long distinct(List<int[]> frames) {
        return frames.stream().map(Arrays::hashCode).distinct().count();
    }

    /** Pixels not of the most common colour (the background): the phase with the cursor drawn has more. */
    private static long inked(int[] pixels) {
        Map<Integer, Long> colours = new HashMap<>();
        for (int p : pixels) {
            colours.merge(p, 1L, Long::sum);
        }
        return pixels.length - colours.values().stream().max(Long::compare).orElse(0L);
    }
}
