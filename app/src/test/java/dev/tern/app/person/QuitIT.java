package dev.tern.app.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.ConnectionKind;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Quitting with live sessions, ten times in a row as a person does it (the window's close button, then "End all
 * sessions"), once of them right after a {@code kill -9} and a restart (which takes the killed app's session up
 * again): every time the process is gone within 3 s and the Mosh servers of the quitting app have ended. A logout's
 * SIGTERM and a closed terminal's SIGHUP end them too.
 */
@ExtendWith(TestBed.class)
class QuitIT extends PersonTest {
    private static final int ROUNDS = 10;
    private static final int KILL_BEFORE_ROUND = 5;
    @Test
    void quitEndsSessionsAndTheProcessWithinThreeSecondsEveryTime(SshServer server) throws Exception {
        Desk desk = new Desk(dir).trusting(server)
                .withProfiles(Desk.testbed("quit mosh", ConnectionKind.MOSH, server));
        List<String> slow = new ArrayList<>();
        Set<Long> orphans = new HashSet<>();
        Set<Long> killedRoundServers = Set.of();
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                Instant started = Instant.now();
                try (TernProcess tern = desk.startTern(x)) {
                    if (round == 1) {
                        // the tabs of round 1 are restored in every later round
                        KeyDifferentialIT.openProfileOn(x, tern, "quit mosh");
                        tern.focusTerminal();
                        x.key("ctrl+shift+t");
                    }
                    // keys typed before the restored tab is drawn go nowhere: the person waits for it first
                    tern.awaitTerminalDrawn(Duration.ofSeconds(30));
                    tern.focusTerminal();
                    Shell.awaitPrompt(x, "quit-" + round);
                    Set<Long> servers = MoshServers.of(server.user(), started);
                    if (round == KILL_BEFORE_ROUND + 1) {
                        // the crashed app's tab was taken up again: its server, and no new one
                        assertEquals(Set.of(), servers, "round " + round + ": no new server after the crash");
                        servers = killedRoundServers;
                    }
                    assertFalse(servers.isEmpty(), "round " + round + ": the Mosh tab has a server");
                    if (round == KILL_BEFORE_ROUND) {
                        tern.kill9();
                        orphans.addAll(servers);  // ended below if the next round does not end them
                        killedRoundServers = servers;
                        continue;
                    }
                    x.requestClose(tern.window());
                    x.focus(x.waitForWindow("^Quit Tern$", Duration.ofSeconds(20)));
                    x.key("alt+e");  // End all sessions
                    long asked = System.nanoTime();
                    boolean exited = tern.waitForExit(Duration.ofSeconds(3));
                    long ms = (System.nanoTime() - asked) / 1_000_000;
                    System.out.println("round " + round + ": exit " + (exited ? "after " + ms + " ms" : "NOT within 3 s"));
                    if (!exited) {
                        x.screenshot(Screens.file("quit-round-" + round + "-still-running"));
                        slow.add("round " + round + ": still running 3 s after Quit");
                        continue;
                    }
                    MoshServers.awaitGone(servers, Duration.ofSeconds(3));
                    assertEquals(List.of(), tern.loggedExceptions(), "round " + round + ": exceptions in the log");
                }
            }
        } finally {
            MoshServers.kill(orphans);
        }
        assertEquals(List.of(), slow);
        assertTrue(orphans.size() >= 1, "the kill -9 round had a server");
        assertTrue(orphans.stream().noneMatch(MoshServers::alive),
                "the server the crash left was taken up by the next start, and ended by its quit");
    }

    @Test
    void termAndHangupEndTheSessionsLikeAQuit(SshServer server) throws Exception {
        Desk desk = new Desk(dir).trusting(server)
                .withProfiles(Desk.testbed("signal mosh", ConnectionKind.MOSH, server));
        for (String signal : List.of("TERM", "HUP")) {
            Instant started = Instant.now();
            try (TernProcess tern = desk.startTern(x)) {
                if (signal.equals("TERM")) {
                    KeyDifferentialIT.openProfileOn(x, tern, "signal mosh");  // restored for the HUP round
                }
                tern.awaitTerminalDrawn(Duration.ofSeconds(30));
                tern.focusTerminal();
                Shell.awaitPrompt(x, "signal-" + signal);
                Set<Long> servers = MoshServers.of(server.user(), started);
                assertFalse(servers.isEmpty(), signal + ": the Mosh tab has a server");
                tern.signal(signal);
                assertTrue(tern.waitForExit(Duration.ofSeconds(3)), signal + ": the app is still running after 3 s");
                try {
                    MoshServers.awaitGone(servers, Duration.ofSeconds(3));
                } catch (AssertionError left) {
                    throw new AssertionError(signal + ": " + left.getMessage() + "; Tern's log:\n" + tern.log(), left);
                }
            }
        }
    }
}
