package dev.tern.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.testbed.MoshServer;
import dev.tern.testbed.Tmux;
import dev.tern.testbed.UdpImpairmentProxy;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The CLI shows typed characters before the server has them, and mosh's notification bar when the link is
 * silent. A blackout makes it deterministic: nothing typed can reach the server, so whatever shows up is the
 * local prediction.
 */
class PredictionAndNoticesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void predictionsShowDuringABlackoutWithTheLastContactBarAndTheSessionRecovers() throws InterruptedException {
        try (MoshServer server = MoshServer.plainBash();
             UdpImpairmentProxy proxy = UdpImpairmentProxy.start(server.address(), 3);
             Tmux tmux = Tmux.start(100, 30, CliProcess.utf8(Map.of("MOSH_KEY", server.key())),
                     CliProcess.commandLine("--predict=always", "--attach", "127.0.0.1",
                             Integer.toString(proxy.listenAddress().getPort())))) {
            tmux.waitForLine(Pattern.compile("\\$ ?"), PATIENCE);
            // as in mosh, the first key of a line is only shown once the server confirms it (a new epoch); the
            // ones after it are shown at once
            tmux.type("e");
            tmux.waitForLine(Pattern.compile("\\$ e\\s*"), PATIENCE);
            // the server acknowledges the echo ~50 ms after drawing it, in a later state: let that arrive too (the
            // ack is inside the client process, which a tmux screen cannot show, so this waits a span)
            Thread.sleep(1000);
            proxy.blackout(Duration.ofSeconds(9));
            long dropsBefore = proxy.stats().clientToServer().dropped();
            tmux.type("cho predicted");
            String screen = tmux.waitForLine(Pattern.compile("\\$ echo predicted\\s*"), PATIENCE);
            assertTrue(proxy.inBlackout(), "the blackout ended before the prediction showed:\n" + screen);
            // the prediction can be on screen before the keystrokes' datagram is due (mosh batches them)
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (proxy.stats().clientToServer().dropped() <= dropsBefore && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(proxy.stats().clientToServer().dropped() > dropsBefore, "the keys never left the client");

            String bar = tmux.waitFor(s -> s.lines().findFirst().orElse("").contains("mosh: Last contact"),
                    PATIENCE, "the notification bar");
            assertTrue(bar.lines().findFirst().orElseThrow().contains("[To quit: Ctrl-^ .]"), bar);

            tmux.waitFor(s -> !proxy.inBlackout() && !s.contains("Last contact"), PATIENCE, "the bar to go away");
            tmux.sendKeys("Enter");
            tmux.waitForLine(Pattern.compile("predicted"), PATIENCE);
            tmux.sendKeys("C-^", ".");
            assertEquals(0, tmux.awaitExit(PATIENCE), tmux::captureAll);
        }
    }

    @Test
    void withPredictionNeverNothingShowsUntilTheServerEchoes() throws Exception {
        try (MoshServer server = MoshServer.plainBash();
             UdpImpairmentProxy proxy = UdpImpairmentProxy.start(server.address(), 4);
             Tmux tmux = Tmux.start(100, 30, CliProcess.utf8(Map.of("MOSH_KEY", server.key())),
                     CliProcess.commandLine("--predict=never", "--attach", "127.0.0.1",
                             Integer.toString(proxy.listenAddress().getPort())))) {
            tmux.waitForLine(Pattern.compile("\\$ ?"), PATIENCE);
            proxy.blackout(Duration.ofSeconds(3));
            tmux.type("echo late");
            Thread.sleep(1500); // on purpose: nothing may show while the server cannot echo
            assertTrue(proxy.inBlackout());
            assertFalse(tmux.capture().contains("echo late"), tmux::capture);
            tmux.waitForLine(Pattern.compile("\\$ echo late\\s*"), PATIENCE);
            tmux.sendKeys("C-^", ".");
            assertEquals(0, tmux.awaitExit(PATIENCE), tmux::captureAll);
        }
    }
}
