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

/** The notice's texts, thresholds, timing and bar layout (docs/TERMINAL.md §7), through the board the session feeds. */
class NoticeBoardTest {
    private final FakeClock clock = new FakeClock(500_000);
    private final NoticeBoard board = new NoticeBoard(clock);

    private String text() {
        return board.notice().map(Notice::text).orElse("");
    }

    @Test
    void lastContactAppearsAfter6500msTruncatedToWholeSeconds() {
        clock.advance(6500);
        assertEquals(Optional.empty(), board.notice(), "exactly 6.5 s is not late yet");
        clock.advance(1);
        assertEquals("mosh: Last contact 6 seconds ago. [To quit: Ctrl-^ .]", text());
        assertEquals(Optional.of(Silence.CONTACT), board.notice().orElseThrow().quiet());
        clock.advance(75_000 - 6501);
        assertEquals("mosh: Last contact 1:15 ago. [To quit: Ctrl-^ .]", text());
    }

    @Test
    void contactReturningRemovesTheNotice() {
        clock.advance(10_000);
        assertTrue(board.notice().isPresent());
        board.heardFromServer(clock.millis());
        board.serverAcknowledged(clock.millis());
        assertEquals(Optional.empty(), board.notice());
    }

    @Test
    void replyIsNamedWhenOnlyTheUplinkIsBroken() {
        long start = clock.millis();
        clock.advance(80_000);
        board.heardFromServer(clock.millis() - 1000);
        board.serverAcknowledged(start);
        assertEquals("mosh: Last reply 1:20 ago. [To quit: Ctrl-^ .]", text());
        clock.advance(5600);
        assertEquals("mosh: Last contact 6 seconds ago. [To quit: Ctrl-^ .]", text(),
                "once the server is late too, contact wins");
    }

    @Test
    void messageWithCountupAndHours() {
        board.show("Exiting on user request...", true, true);
        assertEquals("mosh: Exiting on user request... [To quit: Ctrl-^ .]", text());
        clock.advance(3_674_000);
        assertEquals("mosh: Exiting on user request... (1:01:14 without contact.) [To quit: Ctrl-^ .]", text());
    }

    @Test
    void connectingNoticeAndTimeout() {
        long start = clock.millis();
        ConnectionWatch watch = new ConnectionWatch(board, 60001);
        clock.advance(250);
        assertFalse(watch.check(clock.millis(), false, start, false));
        assertEquals(Optional.empty(), board.notice(), "not before 250 ms");
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
        ConnectionWatch watch = new ConnectionWatch(board, 60001);
        clock.advance(20_000);
        assertFalse(watch.check(clock.millis(), false, start, true));
        assertEquals("", board.messageShown());
    }

    @Test
    void firstStateClearsTheConnectingNotice() {
        long start = clock.millis();
        ConnectionWatch watch = new ConnectionWatch(board, 60001);
        clock.advance(300);
        watch.check(clock.millis(), false, start, false);
        assertEquals(watch.connectingMessage(), board.messageShown());
        board.heardFromServer(clock.millis());
        watch.check(clock.millis(), true, clock.millis(), false);
        assertEquals(Optional.empty(), board.notice());
    }

    @Test
    void messagesExpire() {
        board.show("Crypto exception: bad");
        clock.advance(999);
        assertEquals("mosh: Crypto exception: bad [To quit: Ctrl-^ .]", text());
        assertEquals(1, board.millisUntilChange());
        clock.advance(1);
        assertEquals(Optional.empty(), board.notice(), "one second");

        board.showNetworkError("Network is unreachable");
        clock.advance(3099);
        assertEquals("mosh: Network is unreachable [To quit: Ctrl-^ .]", text());
        clock.advance(1);
        assertEquals(Optional.empty(), board.notice(), "3.1 s");

        board.showNetworkError("Network is unreachable");
        clock.advance(100);
        board.sendSucceeded();
        clock.advance(999);
        assertTrue(board.notice().isPresent());
        clock.advance(1);
        assertEquals(Optional.empty(), board.notice(), "cleared network errors go within a second");
    }

    @Test
    void escapeKeyHelpHasNoQuitHintAndOtherKeysAreNamed() {
        board.show(EscapeKey.DEFAULT.help(), true, false);
        assertEquals("mosh: Commands: Ctrl-Z suspends, \".\" quits, \"^\" gives literal Ctrl-^", text());
        board.useEscapeKey(new EscapeKey(0x1D));
        board.show("Exiting...", true, true);
        assertEquals("mosh: Exiting... [To quit: Ctrl-] .]", text());
        assertEquals(" [To quit: \"~\" .]", new EscapeKey('~').quitHint());
    }

    @Test
    void countupTicksEverySecondThenEveryThreeAfterAMinute() {
        assertEquals(Integer.MAX_VALUE, board.millisUntilChange());
        clock.advance(7000);
        assertEquals(1000, board.millisUntilChange());
        clock.advance(60_000);
        assertEquals(3000, board.millisUntilChange());
    }

    @Test
    void barLayoutColoursAndCursor() {
        clock.advance(6501);
        Framebuffer server = screen(60, 3, "$ ls\r\n");
        FrameCanvas canvas = FrameCanvas.over(screen(60, 3, "$ ls"));
        drawBar(canvas);
        Framebuffer bar = canvas.result();
        assertEquals("mosh: Last contact 6 seconds ago. [To quit: Ctrl-^ .]       ", bar.row(0).text());
        assertFalse(bar.cursorVisible(), "a cursor on the bar's row is hidden");
        assertEquals(Renditions.of(37, 44, Renditions.BOLD), bar.cell(0, 0).renditions());
        assertEquals(Renditions.of(37, 44, 0), bar.cell(59, 0).renditions());

        FrameCanvas lower = FrameCanvas.over(server);
        drawBar(lower);
        assertTrue(lower.result().cursorVisible(), "a cursor below the bar stays");
    }

    @Test
    void noBarMeansTheServerFrameItself() {
        Framebuffer server = screen(20, 3, "$ ");
        FrameCanvas canvas = FrameCanvas.over(server);
        drawBar(canvas);
        assertSame(server, canvas.result());
    }

    @Test
    void durationFormats() {
        assertEquals("59 seconds", NoticeWording.span(59, false));
        assertEquals("1:00", NoticeWording.span(60, true));
        assertEquals("59:59", NoticeWording.span(3599, true));
        assertEquals("1:00:00", NoticeWording.span(3600, true));
    }

    private void drawBar(FrameCanvas canvas) {
        board.notice().ifPresent(n -> NoticeBar.draw(canvas, n.text()));
    }

    private Framebuffer drawn(int width) {
        FrameCanvas canvas = FrameCanvas.over(screen(width, 3, ""));
        drawBar(canvas);
        return canvas.result();
    }
}
