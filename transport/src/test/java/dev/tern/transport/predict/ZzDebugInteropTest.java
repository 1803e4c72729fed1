package dev.tern.transport.predict;

import dev.tern.testbed.MoshServer;
import dev.tern.testbed.UdpImpairmentProxy;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ZzDebugInteropTest {
    @Test
    void debug() throws Exception {
        try (MoshServer server = MoshServer.start("env", "PS1=$ ", "bash", "--norc", "--noprofile");
             UdpImpairmentProxy proxy = UdpImpairmentProxy.start(server.address(), 3)) {
            proxy.setDelay(Duration.ofMillis(150), Duration.ZERO);
            try (LiveTerminal t = new LiveTerminal(server, proxy, PredictionSettings.DEFAULT)) {
                t.awaitServer(s -> s.screenText().contains("$ "), Duration.ofSeconds(20));
                t.freshPrompt();
                t.addObserver((cause, shown, srv, nanos) -> {
                    PredictionEngine e = t.composer.predictions();
                    System.out.println("[dbg] " + (System.nanoTime() / 1_000_000 % 100000) + " " + cause + " sent=" + t.tap.lastSent()
                            + " epoch=" + e.predictionEpoch() + "/" + e.confirmedEpoch() + " " + e.stats()
                            + " srv='" + srv.row(0).text().strip() + "' cur=" + srv.cursorCol()
                            + " shown='" + shown.row(0).text().strip() + "'");
                });
                for (char c : "echo hello world and more words".toCharArray()) {
                    t.type(String.valueOf(c));
                    Thread.sleep(130);
                }
                Thread.sleep(1000);
                assertTrue(true);
            }
        }
    }
}
