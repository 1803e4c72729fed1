package dev.tern.transport.predict;

import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.screen.Renditions;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.tern.transport.predict.Screens.screen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Texts, thresholds and bar layout of mosh-terminal.md §6. */
class NotificationEngineTest {
    private final FakeClock clock = new FakeClock(500_000);
    private final NotificationEngine engine = new NotificationEngine(clock);

    private String text() {
        return engine.notice().map(Notice::text).orElse("");
    }

    @Test
    void lastContactAppearsAfter6500msTruncatedToWholeSeconds() {
        clock.advance(6500);
        assertEquals(Optional.empty(), engine.notice(), "exactly 6.5 s is not late yet");
        clock.advance(1);
        assertEquals("mosh: Last contact 6 seconds ago. [To quit: Ctrl-^ .]", text());
        assertEquals(Optional.of(Silence.CONTACT), engine.notice().orElseThrow().quiet());
        clock.advance(75_000 - 6501);
        assertEquals("mosh: Last contact 1:15 ago. [To quit: Ctrl-^ .]", text());
    }

    @Test
    void contactReturningRemovesTheNotice() {
        clock.advance(10_000);
        assertTrue(engine.notice().isPresent());
        engine.serverHeard(clock.millis());
        engine.serverAcked(clock.millis());
        assertEquals(Optional.empty(), engine.notice());
    }

    @Test
    void replyIsNamedWhenOnlyTheUplinkIsBroken() {
        long start = clock.millis();
        clock.advance(80_000);
        engine.serverHeard(clock.millis() - 1000);
        engine.serverAcked(start);
        assertEquals("mosh: Last reply 1:20 ago. [To quit: Ctrl-^ .]", text());
        clock.advance(5600);
        assertEquals("mosh: Last contact 6 seconds ago. [To quit: Ctrl-^ .]", text(),
                "once the server is late too, contact wins");
    }

    @Test
    void messageWithCountupAndHours() {
        engine.setMessage("Exiting on user request...", true, true);
        assertEquals("mosh: Exiting on user request... [To quit: Ctrl-^ .]", text());
        clock.advance(3_674_000);
        assertEquals("mosh: Exiting on user request... (1:01:14 without contact.) [To quit: Ctrl-^ .]", text());
    }

    @Test
    void connectingNoticeAndTimeout() {
        long start = clock.millis();
        ConnectionWatch watch = new ConnectionWatch(engine, 60001);
        clock.advance(250);
        assertFalse(watch.check(clock.millis(), false, start, false));
        assertEquals(Optional.empty(), engine.notice(), "not before 250 ms");
        clock.advance(1);
        assertFalse(watch.check(clock.millis(), false, start, false));
        assertEquals("mosh: Nothing received from server on UDP port 60001. [To quit: Ctrl-^ .]", text());
        clock.advance(12_749);
        assertFalse(watch.check(clock.millis(), false, start, false));
        assertEquals("mosh: Nothing received from server on UDP port 60001. (13 s without contact.) [To quit: Ctrl-^ .]",
                text());
        Framebuffer bar = drawn(80);
        assertEquals(text().substring(0, 80), bar.row(0).text(), "truncated to the width");
        assertEquals(80, bar.row(0).text().length());
        clock.advance(2001);
        assertTrue(watch.check(clock.millis(), false, start, false));
        assertEquals("mosh: Timed out waiting for server... (15 s without contact.) [To quit: Ctrl-^ .]", text());
    }

    @Test
    void noConnectingNoticeWhileShuttingDown() {
        long start = clock.millis();
        ConnectionWatch watch = new ConnectionWatch(engine, 60001);
        clock.advance(20_000);
        assertFalse(watch.check(clock.millis(), false, start, true));
        assertEquals("", engine.message());
    }

    @Test
    void firstStateClearsTheConnectingNotice() {
        long start = clock.millis();
        ConnectionWatch watch = new ConnectionWatch(engine, 60001);
        clock.advance(300);
        watch.check(clock.millis(), false, start, false);
        assertEquals(watch.connectingMessage(), engine.message());
        engine.serverHeard(clock.millis());
        watch.check(clock.millis(), true, clock.millis(), false);
        assertEquals(Optional.empty(), engine.notice());
    }

    @Test
    void messagesExpire() {
        engine.setMessage("Crypto exception: bad");
        clock.advance(999);
        assertEquals("mosh: Crypto exception: bad [To quit: Ctrl-^ .]", text());
        assertEquals(1, engine.waitTime());
        clock.advance(1);
        assertEquals(Optional.empty(), engine.notice(), "one second");

        engine.setNetworkError("Network is unreachable");
        clock.advance(3099);
        assertEquals("mosh: Network is unreachable [To quit: Ctrl-^ .]", text());
        clock.advance(1);
        assertEquals(Optional.empty(), engine.notice(), "3.1 s");

        engine.setNetworkError("Network is unreachable");
        clock.advance(100);
        engine.clearNetworkError();
        clock.advance(999);
        assertTrue(engine.notice().isPresent());
        clock.advance(1);
        assertEquals(Optional.empty(), engine.notice(), "cleared network errors go within a second");
    }

    @Test
    void escapeKeyHelpHasNoQuitHintAndOtherKeysAreNamed() {
        engine.setMessage(EscapeKey.DEFAULT.help(), true, false);
        assertEquals("mosh: Commands: Ctrl-Z suspends, \".\" quits, \"^\" gives literal Ctrl-^", text());
        engine.setEscapeKey(new EscapeKey(0x1D));
        engine.setMessage("Exiting...", true, true);
        assertEquals("mosh: Exiting... [To quit: Ctrl-] .]", text());
        assertEquals(" [To quit: \"~\" .]", new EscapeKey('~').quitHint());
    }

    @Test
    void countupTicksEverySecondThenEveryThreeAfterAMinute() {
        assertEquals(Integer.MAX_VALUE, engine.waitTime());
        clock.advance(7000);
        assertEquals(1000, engine.waitTime());
        clock.advance(60_000);
        assertEquals(3000, engine.waitTime());
    }

    @Test
    void barLayoutColoursAndCursor() {
        clock.advance(6501);
        Framebuffer server = screen(60, 3, "$ ls\r\n");
        FrameCanvas canvas = FrameCanvas.over(screen(60, 3, "$ ls"));
        engine.drawBar(canvas);
        Framebuffer bar = canvas.result();
        assertEquals("mosh: Last contact 6 seconds ago. [To quit: Ctrl-^ .]       ", bar.row(0).text());
        assertFalse(bar.cursorVisible(), "a cursor on the bar's row is hidden");
        assertEquals(Renditions.of(37, 44, Renditions.BOLD), bar.cell(0, 0).renditions());
        assertEquals(Renditions.of(37, 44, 0), bar.cell(59, 0).renditions());

        FrameCanvas lower = FrameCanvas.over(server);
        engine.drawBar(lower);
        assertTrue(lower.result().cursorVisible(), "a cursor below the bar stays");
    }

    @Test
    void noBarMeansTheServerFrameItself() {
        Framebuffer server = screen(20, 3, "$ ");
        FrameCanvas canvas = FrameCanvas.over(server);
        engine.drawBar(canvas);
        assertSame(server, canvas.result());
    }

    @Test
    void durationFormats() {
        assertEquals("59 seconds", NotificationEngine.duration(59, "seconds"));
        assertEquals("1:00", NotificationEngine.duration(60, "s"));
        assertEquals("59:59", NotificationEngine.duration(3599, "s"));
        assertEquals("1:00:00", NotificationEngine.duration(3600, "s"));
    }

    private Framebuffer drawn(int width) {
        FrameCanvas canvas = FrameCanvas.over(screen(width, 3, ""));
        engine.drawBar(canvas);
        return canvas.result();
    }
}
