package dev.tern.transport.predict;

import dev.tern.testbed.MoshServer;
import dev.tern.testbed.UdpImpairmentProxy;
import dev.tern.transport.screen.Framebuffer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.tern.transport.predict.Screens.underlineMap;
import static dev.tern.transport.predict.Screens.underlined;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine against the real mosh-server 1.4 at 300 ms RTT (150 ms each way through the impairment proxy), with
 * bash as the shell. Figures are printed; assertions are about what was displayed, never about how fast.
 */
class PredictionInteropTest {
    private static final Duration ONE_WAY = Duration.ofMillis(150);
    private static final long KEY_GAP_MS = 130;

    private static MoshServer startShell() {
        return MoshServer.plainBash();
    }

    private static UdpImpairmentProxy slowLink(MoshServer server, long seed) {
        UdpImpairmentProxy proxy = UdpImpairmentProxy.start(server.address(), seed);
        proxy.setDelay(ONE_WAY, Duration.ZERO);
        return proxy;
    }

    /** When one typed character first showed up in the displayed frame, and how. */
    private static final class Probe {
        final String ch;
        final int row, col;
        long typedAt;
        long shownAt = -1;
        LiveTerminal.Cause shownBy;
        boolean underlinedWhenShown;
        boolean underlinedBeforeEcho;

        Probe(String ch, int row, int col) {
            this.ch = ch;
            this.row = row;
            this.col = col;
        }

        long latencyMs() {
            return (shownAt - typedAt) / 1_000_000;
        }
    }

    private record LineFigures(List<Probe> probes) {
        long shownByKeyFrame() {
            return probes.stream().filter(p -> p.shownBy == LiveTerminal.Cause.KEY).count();
        }

        String summary() {
            List<Long> l = probes.stream().map(Probe::latencyMs).sorted().toList();
            return String.format(Locale.ROOT, "median %d ms, p95 %d ms, max %d ms, %d of %d in the key's own frame",
                    l.get(l.size() / 2), l.get((int) Math.ceil(l.size() * 0.95) - 1), l.getLast(), shownByKeyFrame(),
                    l.size());
        }
    }

    /** Types {@code text} at a fresh prompt one key at a time, watching where each character first appears. */
    private static LineFigures typeLine(LiveTerminal t, String text) throws Exception {
        t.freshPrompt();
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            probes.add(new Probe(text.substring(i, i + 1), 0, 2 + i));
        }
        LiveTerminal.Observer watch = (cause, shown, server, nanos) -> {
            for (Probe p : probes) {
                if (p.typedAt == 0) {
                    continue;
                }
                boolean echoed = server.cell(p.col, p.row).contents().equals(p.ch);
                boolean visible = shown.cell(p.col, p.row).contents().equals(p.ch);
                if (p.shownAt < 0 && visible) {
                    p.shownAt = nanos;
                    p.shownBy = cause;
                    p.underlinedWhenShown = underlined(shown, p.col, p.row);
                }
                if (visible && !echoed && underlined(shown, p.col, p.row)) {
                    p.underlinedBeforeEcho = true;
                }
            }
        };
        t.addObserver(watch);
        for (Probe p : probes) {
            p.typedAt = System.nanoTime();
            t.type(p.ch);
            Thread.sleep(KEY_GAP_MS);
        }
        t.awaitServer(s -> s.row(0).text().startsWith("$ " + text), Duration.ofSeconds(20));
        t.awaitDisplayed(d -> underlineMap(d, 0).indexOf('_') < 0, Duration.ofSeconds(5));
        t.removeObserver(watch);
        Framebuffer shown = t.displayed();
        assertEquals("$ " + text, shown.row(0).text().stripTrailing(), "the displayed line is the server's");
        assertTrue(shown.cellsEqual(t.server()), "nothing but the server's screen remains once all is echoed");
        for (Probe p : probes) {
            assertTrue(p.shownAt >= 0, "every character was displayed: " + p.ch);
        }
        t.type("\u0015"); // discard the line
        return new LineFigures(probes);
    }

    @Test
    void typedCharactersShowAtOnceUnderlinedUntilEchoedAndOnlyAfterTheRoundTripWithNever() throws Exception {
        try (MoshServer server = startShell(); UdpImpairmentProxy proxy = slowLink(server, 1);
             LiveTerminal t = new LiveTerminal(server, proxy, PredictionSettings.DEFAULT)) {
            t.awaitServer(s -> s.screenText().contains("$ "), Duration.ofSeconds(20));
            String text = "echo the quick brown fox jumps over";

            LineFigures adaptive = typeLine(t, text);
            System.out.println("[predict] 300 ms RTT, adaptive: " + adaptive.summary() + ", underlining="
                    + t.composer.predictions().underlining());
            List<Probe> early = adaptive.probes().stream().filter(p -> p.shownBy == LiveTerminal.Cause.KEY).toList();
            assertTrue(early.size() >= text.length() / 2,
                    "once the first echo confirmed the epoch, keys show in their own frame: " + adaptive.summary());
            for (Probe p : early) {
                if (!p.ch.isBlank()) { // a predicted blank over a blank cell is never underlined
                    assertTrue(p.underlinedWhenShown, "unconfirmed and flagging (SRTT > 160 ms): underlined " + p.ch);
                }
            }

            t.composer.setSettings(PredictionSettings.DEFAULT.withPreference(DisplayPreference.NEVER));
            LineFigures never = typeLine(t, text);
            System.out.println("[predict] 300 ms RTT, never:    " + never.summary());
            assertEquals(0, never.shownByKeyFrame(), "with never, a key shows only when the server's frame has it");
            for (Probe p : never.probes()) {
                assertEquals(LiveTerminal.Cause.SERVER, p.shownBy);
                assertFalse(p.underlinedBeforeEcho);
            }
        }
    }

    @Test
    void silentReadShowsNothingWrongForLong() throws Exception {
        try (MoshServer server = startShell(); UdpImpairmentProxy proxy = slowLink(server, 2);
             LiveTerminal t = new LiveTerminal(server, proxy, PredictionSettings.DEFAULT)) {
            t.awaitServer(s -> s.screenText().contains("$ "), Duration.ofSeconds(20));
            // confirm an epoch first, so the engine is in its normal, displaying state
            typeLine(t, "echo warm");
            t.freshPrompt();
            t.type("read -s x; echo done\r");
            t.awaitServer(s -> s.cursorRow() == 1 && s.cursorCol() == 0, Duration.ofSeconds(10));
            Thread.sleep(500);

            long[] wrongSince = {-1};
            List<Long> wrongSpells = new ArrayList<>();
            LiveTerminal.Observer watch = (cause, shown, srv, nanos) -> {
                boolean wrong = !shown.cellsEqual(srv);
                if (wrong && wrongSince[0] < 0) {
                    wrongSince[0] = nanos;
                } else if (!wrong && wrongSince[0] >= 0) {
                    wrongSpells.add((nanos - wrongSince[0]) / 1_000_000);
                    wrongSince[0] = -1;
                }
            };
            t.addObserver(watch);
            for (char c : "secret".toCharArray()) {
                t.type(String.valueOf(c));
                Thread.sleep(KEY_GAP_MS);
            }
            Thread.sleep(1500);
            t.removeObserver(watch);
            Framebuffer shown = t.displayed();
            assertTrue(shown.cellsEqual(t.server()), "nothing wrong remains:\n" + shown);
            assertEquals("", shown.row(1).text().strip(), "the secret never stays on screen");
            System.out.println("[predict] read -s at 300 ms RTT: wrong predictions displayed " + wrongSpells.size()
                    + " times, longest " + wrongSpells.stream().mapToLong(x -> x).max().orElse(0)
                    + " ms (bar: one RTT plus a frame, ~" + (2 * ONE_WAY.toMillis() + 50) + " ms); engine "
                    + t.composer.predictions().stats());
            t.type("\r");
            t.awaitServer(s -> s.screenText().contains("done"), Duration.ofSeconds(10));
        }
    }

    /** A person's session: shell commands with typos fixed by Backspace and arrows, then moving and editing in vi. */
    @Test
    void scriptedWorkloadFigures() throws Exception {
        Path file = Files.createTempFile("tern-predict-", ".txt");
        StringBuilder content = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            content.append("line ").append(i).append(" of the file we edit in vi\n");
        }
        Files.writeString(file, content);
        try (MoshServer server = startShell(); UdpImpairmentProxy proxy = slowLink(server, 3);
             LiveTerminal t = new LiveTerminal(server, proxy, PredictionSettings.DEFAULT)) {
            t.awaitServer(s -> s.screenText().contains("$ "), Duration.ofSeconds(20));
            t.freshPrompt();
            Workload w = new Workload(t);
            t.addObserver(w);
            w.keys("echo helo").keys("\u007f\u007f").keys("llo world").enter("hello world");
            w.keys("ls -ld /tmpp").keys("\u007f").enter("drwx");
            w.keys("grep -c roo /etc/passwd").keys("\033OD".repeat(12)).keys("t").enter(null);
            w.keys("echo done with the shell").enter("done with the shell");
            w.keys("clear").enter(null);
            w.keys("vi -u NONE -N " + file).enter("line 1 of the file");
            w.keys("jjj").keys("llll").keys("w").keys("ihello ").keys("\033").keys("kk").keys("Aand more")
                    .keys("\033").keys("\033OB\033OB\033OC\033OC").keys("otyped on a new line").keys("\033");
            w.keys(":q!").enter("$ ");
            t.removeObserver(w);
            PredictionStats stats = t.composer.predictions().stats();
            double immediate = (double) w.immediate / w.count;
            double wrong = (double) stats.wrongDisplayed() / w.count;
            System.out.printf(Locale.ROOT, "[predict] scripted workload at 300 ms RTT: %d keystrokes, %.1f %% shown "
                            + "immediately (paper: ~70 %%), %.2f %% wrong predictions displayed (paper: 0.9 %%); %s%n",
                    w.count, 100 * immediate, 100 * wrong, stats);
            System.out.println("[predict] keys not shown at once: " + w.notImmediate);
            assertTrue(w.immediate > 0, "some keystrokes were shown before their echo");
            assertTrue(t.displayed().cellsEqual(t.server()), "the session ends showing exactly the server's screen");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Types keys one at a time like a person, counting those whose own frame already showed a change. */
    private static final class Workload implements LiveTerminal.Observer {
        final LiveTerminal t;
        int count;
        int immediate;
        final StringBuilder notImmediate = new StringBuilder();
        private String currentKey = "";
        private Framebuffer before;
        private boolean awaitingKeyFrame;

        Workload(LiveTerminal t) {
            this.t = t;
        }

        private long wrongSeen;
        private Framebuffer lastShown;

        @Override
        public void displayed(LiveTerminal.Cause cause, Framebuffer shown, Framebuffer server, long nanos) {
            long wrong = t.composer.predictions().stats().wrongDisplayed();
            if (wrong > wrongSeen && lastShown != null) {
                int row = server.cursorRow();
                System.out.println("[predict] wrong prediction removed: shown '" + lastShown.row(row).text().stripTrailing()
                        + "' server '" + server.row(row).text().stripTrailing() + "' (" + cause + ")");
            }
            wrongSeen = wrong;
            lastShown = shown;
            if (cause == LiveTerminal.Cause.KEY && awaitingKeyFrame) {
                awaitingKeyFrame = false;
                if (before != null && (!shown.cellsEqual(before) || shown.cursorRow() != before.cursorRow()
                        || shown.cursorCol() != before.cursorCol())) {
                    immediate++;
                } else {
                    notImmediate.append(currentKey.replace("\033O", "^[O").replace("\033", "^[").replace("\r", "^M")
                            .replace("\u007f", "^?")).append(' ');
                }
            }
        }

        /** Each key separately (an escape sequence counts as one key). */
        Workload keys(String keys) throws InterruptedException {
            for (String key : split(keys)) {
                before = t.displayed();
                awaitingKeyFrame = true;
                currentKey = key;
                count++;
                t.type(key);
                Thread.sleep(KEY_GAP_MS);
            }
            return this;
        }

        Workload enter(String expect) throws InterruptedException {
            keys("\r");
            if (expect != null) {
                t.awaitServer(s -> s.screenText().contains(expect), Duration.ofSeconds(15));
            }
            Thread.sleep(700);
            return this;
        }

        private static List<String> split(String keys) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < keys.length(); ) {
                if (keys.startsWith("\033O", i) && i + 2 < keys.length()) {
                    out.add(keys.substring(i, i + 3));
                    i += 3;
                } else {
                    out.add(keys.substring(i, i + 1));
                    i++;
                }
            }
            return out;
        }
    }

    @Test
    void blackoutNoticeCountsUpAndGoesWhenContactReturns() throws Exception {
        try (MoshServer server = startShell(); UdpImpairmentProxy proxy = slowLink(server, 4);
             LiveTerminal t = new LiveTerminal(server, proxy, PredictionSettings.DEFAULT)) {
            t.awaitServer(s -> s.screenText().contains("$ "), Duration.ofSeconds(20));
            t.freshPrompt();
            t.composer.setDrawBar(true);
            proxy.blackout(Duration.ofSeconds(10));
            long start = System.nanoTime();
            Pattern countup = Pattern.compile("^mosh: Last contact (\\d+) seconds ago\\. \\[To quit: Ctrl-\\^ \\.]$");
            List<Integer> seconds = new ArrayList<>();
            String firstText = null;
            long firstAtMs = -1;
            String barRow = null;
            while (proxy.inBlackout()) {
                Optional<Notice> n;
                synchronized (t) {
                    n = t.composer.notice();
                }
                if (n.isPresent()) {
                    Matcher m = countup.matcher(n.get().text());
                    assertTrue(m.matches(), "notice text: " + n.get().text());
                    int s = Integer.parseInt(m.group(1));
                    if (seconds.isEmpty() || seconds.getLast() != s) {
                        seconds.add(s);
                    }
                    if (firstText == null) {
                        firstText = n.get().text();
                        firstAtMs = (System.nanoTime() - start) / 1_000_000;
                    }
                    barRow = t.displayed().row(0).text();
                }
                Thread.sleep(100);
            }
            System.out.println("[notice] 10 s blackout: first notice after " + firstAtMs + " ms: '" + firstText
                    + "'; counted " + seconds + "; bar row: '" + (barRow == null ? "" : barRow.stripTrailing()) + "'");
            assertFalse(seconds.isEmpty(), "the notice appeared during the blackout");
            assertTrue(seconds.getFirst() >= 6, "not before 6.5 s of silence");
            for (int i = 1; i < seconds.size(); i++) {
                assertTrue(seconds.get(i) > seconds.get(i - 1), "counts up: " + seconds);
            }
            assertTrue(seconds.size() >= 2, "counted up: " + seconds);
            assertTrue(barRow != null && barRow.startsWith("mosh: Last contact "), "the CLI bar is drawn: " + barRow);
            t.type("x\u007f");
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline && t.composer.notice().isPresent()) {
                Thread.sleep(50);
            }
            System.out.println("[notice] gone " + (System.nanoTime() - start) / 1_000_000 + " ms after the blackout began");
            assertTrue(t.composer.notice().isEmpty(), "the notice goes when contact returns");
            t.awaitDisplayed(d -> d.row(0).text().startsWith("$"), Duration.ofSeconds(5));
        }
    }
}
