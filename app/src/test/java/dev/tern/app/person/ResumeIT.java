package dev.tern.app.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.ConnectionKind;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import dev.tern.testbed.UdpImpairmentProxy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tern's Mosh sessions outlive Tern, tried as a person does: the app is killed ({@code kill -9}) in the middle of
 * heavy output or of typing, started again, and the restored tab is the same shell of the same mosh-server, with
 * nothing started anew and no (direction, sequence number) pair used twice under the session key; quitting with
 * "Keep sessions for next time" keeps the servers for the next start, and a session whose server is gone says so and
 * offers a new one.
 */
@ExtendWith(TestBed.class)
class ResumeIT extends PersonTest {
    private static final int KILLS = 20;
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @Test
    void killedAtTwentyMomentsTheTabResumesTheSameShellEveryTime(SshServer server) throws Exception {
        int udpPort = Desk.freeUdpPort();
        Random random = new Random(1506);
        Path shared = Scripts.sharedFolder();
        List<String> slowResumes = new ArrayList<>();
        try (UdpImpairmentProxy proxy = UdpImpairmentProxy.start(new InetSocketAddress("127.0.0.1", udpPort), 15)) {
            Desk desk = new Desk(dir).trusting(server).withProfiles(Desk.testbedThroughProxy("kept", server, udpPort,
                    proxy.listenAddress().getPort()));
            Instant began = Instant.now();
            TernProcess tern = desk.startTern(x);
            try {
                KeyDifferentialIT.openProfileOn(x, tern, "kept");
                tern.focusTerminal();
                Shell.awaitPrompt(x, "kept");
                Path shellFile = shared.resolve("kept-shell");
                long shell = Long.parseLong(runAndReadLine("MARK=kept-$((6*7)); echo $$ > " + shellFile,
                        shellFile));
                Set<Long> servers = MoshServers.of(server.user(), began);
                assertEquals(1, servers.size(), "one mosh-server for the tab: " + servers);

                for (int round = 1; round <= KILLS; round++) {
                    boolean output = round % 2 == 1;
                    Thread typing = null;
                    if (output) {
                        x.type("seq 1 1000000");
                        x.key("Return");
                        Thread.sleep(200 + random.nextInt(2300));
                    } else {
                        // killed while the person is typing: xdotool goes on pressing keys into a dying window
                        typing = Thread.ofPlatform().start(() -> x.type("echo half typed words keep coming"));
                        Thread.sleep(50 + random.nextInt(600));
                    }
                    tern.kill9();
                    if (typing != null) {
                        typing.join();
                    }
                    long restarted = System.nanoTime();
                    tern = desk.startTern(x);
                    // keys typed before the window is drawn go nowhere: the person waits for it, then for a prompt
                    tern.awaitTerminalDrawn(Duration.ofSeconds(30));
                    tern.focusTerminal();
                    x.key("ctrl+c");  // ends the output of the round, or the half-typed line
                    Shell.awaitPrompt(x, "kept-" + round);
                    Path result = shared.resolve("kept-round-" + round);
                    String said = runAndReadLine("echo round-" + round + "-$MARK-$$ > " + result, result);
                    long ms = (System.nanoTime() - restarted) / 1_000_000;
                    System.out.println("round " + round + " (" + (output ? "output" : "typing") + "): the same shell "
                            + ms + " ms after the restart");
                    if (ms > 20_000) {
                        slowResumes.add("round " + round + ": " + ms + " ms");
                    }
                    assertEquals("round-" + round + "-kept-42-" + shell, said,
                            "round " + round + ": the restored tab is the same shell, its variable still set");
                    assertEquals(servers, MoshServers.of(server.user(), began),
                            "round " + round + ": no new mosh-server, and the first one still runs");
                    assertScreenFollowsTheServer(round);
                }
                assertEquals(0, proxy.repeatedNonces(),
                        "(direction, sequence number) pairs seen twice, of " + proxy.distinctNonces());
                assertTrue(proxy.distinctNonces() > 200, "too little traffic to tell: " + proxy.distinctNonces());
                assertEquals(List.of(), slowResumes, "resumes that took longer than 20 s");

                // quitting with "End all sessions" still ends the server that lived through twenty kills
                x.requestClose(tern.window());
                x.focus(x.waitForWindow("^Quit Tern$", Duration.ofSeconds(20)));
                x.key("alt+e");
                assertTrue(tern.waitForExit(Duration.ofSeconds(3)), "Tern still runs 3 s after End all sessions");
                MoshServers.awaitGone(servers, Duration.ofSeconds(3));
                assertEquals(List.of(), tern.loggedExceptions(), "exceptions in Tern's log");
                assertNoJournals(desk);
            } finally {
                tern.close();
            }
        }
    }

    @Test
    void keepSessionsForNextTimeKeepsTheServersAndTheNextStartTakesThemAllUp(SshServer server) throws Exception {
        Path shared = Scripts.sharedFolder();
        Desk desk = new Desk(dir).trusting(server).withProfiles(Desk.testbed("keep me", ConnectionKind.MOSH, server));
        Instant began = Instant.now();
        Set<Long> servers = Set.of();
        try {
            long[] shells = new long[2];
            try (TernProcess tern = desk.startTern(x)) {
                for (int tab = 0; tab < 2; tab++) {
                    if (tab == 0) {
                        KeyDifferentialIT.openProfileOn(x, tern, "keep me");
                    } else {
                        x.clickIn(tern.window(), 140, 76, 1);  // the sidebar's filter field, as a person opens it again
                        x.key("ctrl+a");
                        x.type("keep me");
                        x.key("Return");
                    }
                    tern.focusTerminal();
                    Shell.awaitPrompt(x, "keep-" + tab);
                    Path file = shared.resolve("keep-shell-" + tab);
                    shells[tab] = Long.parseLong(runAndReadLine("TAB=tab-" + tab + "; echo $$ > " + file, file));
                }
                servers = MoshServers.of(server.user(), began);
                assertEquals(2, servers.size(), "a mosh-server per tab: " + servers);
                x.requestClose(tern.window());
                long question = x.waitForWindow("^Quit Tern$", Duration.ofSeconds(20));
                Thread.sleep(800);
                x.screenshot(Screens.file("resume-quit-question"));
                x.focus(question);
                x.clickText("Remember", Duration.ofSeconds(10));  // "Remember my choice"
                x.key("alt+k");  // "Keep sessions for next time"
                assertTrue(tern.waitForExit(Duration.ofSeconds(3)), "Tern still runs 3 s after Keep");
                assertEquals(List.of(), tern.loggedExceptions(), "exceptions in Tern's log");
            }
            Thread.sleep(3000);
            for (long pid : servers) {
                assertTrue(MoshServers.alive(pid), "mosh-server " + pid + " was kept");
            }

            try (TernProcess tern = desk.startTern(x)) {
                for (int tab = 1; tab >= 0; tab--) {  // the second tab is the selected one
                    if (tab == 0) {
                        tern.focusWindow();
                        x.key("ctrl+Page_Up");
                    }
                    tern.focusTerminal();
                    Shell.awaitPrompt(x, "keep-again-" + tab);
                    Path file = shared.resolve("keep-again-" + tab);
                    String said = runAndReadLine("echo $TAB-$$ > " + file, file);
                    assertEquals("tab-" + tab + "-" + shells[tab], said, "tab " + tab + " took its session up again");
                }
                assertEquals(servers, MoshServers.of(server.user(), began), "no new mosh-server on the next start");
                // the choice was remembered: closing the window asks nothing and keeps the sessions again
                x.requestClose(tern.window());
                assertTrue(tern.waitForExit(Duration.ofSeconds(5)), "Tern asked again, or still runs after 5 s");
                assertFalse(x.findWindow("^Quit Tern$").isPresent(), "the quit question came back");
            }
            Thread.sleep(2000);
            for (long pid : servers) {
                assertTrue(MoshServers.alive(pid), "mosh-server " + pid + " was kept the second time too");
            }
        } finally {
            MoshServers.kill(servers);
        }
    }

    @Test
    void aSessionWhoseServerIsGoneSaysSoAndOffersANewOne(SshServer server) throws Exception {
        Path shared = Scripts.sharedFolder();
        Desk desk = new Desk(dir).trusting(server).withProfiles(Desk.testbed("gone", ConnectionKind.MOSH, server));
        Instant began = Instant.now();
        Set<Long> first;
        try (TernProcess tern = desk.startTern(x)) {
            KeyDifferentialIT.openProfileOn(x, tern, "gone");
            tern.focusTerminal();
            Shell.awaitPrompt(x, "gone");
            Path marked = shared.resolve("gone-marked");
            Shell.runAndRead(x, "MARK=old; touch " + marked, marked, PATIENCE);
            first = MoshServers.of(server.user(), began);
            assertEquals(1, first.size(), "one server: " + first);
            tern.kill9();
        }
        MoshServers.kill(first);
        MoshServers.awaitGone(first, Duration.ofSeconds(5));

        Instant restarted = Instant.now();
        try (TernProcess tern = desk.startTern(x)) {
            x.textPosition("resume", PATIENCE);  // "Could not resume the session on …"
            Path shot = Screens.file("resume-server-gone");
            x.screenshot(shot);
            String words = Ocr.read(shot).replaceAll("\\s+", " ");
            assertTrue(words.contains("Could not resume") && words.contains("did not answer"),
                    "the tab says why in words; OCR read:\n" + words);
            x.key("space");  // "Start a new session", which has the focus (OCR cannot read white on blue)
            x.screenshot(Screens.file("resume-new-session-started"));
            Shell.awaitPrompt(x, "gone-new");
            Path fresh = shared.resolve("gone-fresh");
            assertEquals("new-", runAndReadLine("echo new-$MARK > " + fresh, fresh),
                    "a new shell, without the old one's variable");
            Set<Long> second = MoshServers.of(server.user(), restarted);
            assertEquals(1, second.size(), "a new server for the new session: " + second);
            x.requestClose(tern.window());
            x.focus(x.waitForWindow("^Quit Tern$", Duration.ofSeconds(20)));
            x.key("alt+e");
            assertTrue(tern.waitForExit(Duration.ofSeconds(3)), "Tern still runs 3 s after End all sessions");
            MoshServers.awaitGone(second, Duration.ofSeconds(3));
        }
    }

    /**
     * The restored screen is the server's from its first look, with no clear in between: killed just after a
     * command whose output then ends while no Tern runs, the restarted tab shows the output's last lines and the
     * prompt on the bottom row.
     */
    @Test
    void aTabRestoredAfterOutputItMissedShowsTheServersWholeScreen(SshServer server) throws Exception {
        Desk desk = new Desk(dir).trusting(server).withProfiles(Desk.testbed("missed", ConnectionKind.MOSH, server));
        Path done = Scripts.sharedFolder().resolve("missed-done");
        Instant began = Instant.now();
        try {
            try (TernProcess tern = desk.startTern(x)) {
                KeyDifferentialIT.openProfileOn(x, tern, "missed");
                tern.focusTerminal();
                Shell.awaitPrompt(x, "missed");
                x.type("sleep 2; seq 1 3000; echo seq-$((40+2)); touch " + done);
                x.key("Return");
                Thread.sleep(500);
                tern.kill9();
            }
            XDisplay.waitFor("the output to end on the server", PATIENCE,
                    () -> Files.exists(done) ? Optional.of(true) : Optional.empty());
            try (TernProcess tern = desk.startTern(x)) {
                String expected = "2998\n2999\n3000\nseq-42\n";
                String copied = XDisplay.waitFor("the restored screen", PATIENCE, () -> {
                    tern.focusWindow();
                    x.key("ctrl+shift+a", "ctrl+shift+c");
                    String text = x.clipboard("clipboard");
                    return text.contains("seq-42") ? Optional.of(text) : Optional.empty();
                });
                x.screenshot(Screens.file("resume-missed-output"));
                List<String> shown = copied.lines().filter(l -> !l.isBlank()).toList();
                String tail = String.join("\n", shown.subList(Math.max(0, shown.size() - 5), shown.size()));
                assertTrue(tail.startsWith(expected.strip().lines().findFirst().orElseThrow())
                        && tail.contains(expected) && tail.lines().toList().getLast().contains("$"),
                        "the last lines of the restored screen:\n" + tail);
            }
        } finally {
            MoshServers.kill(MoshServers.of(server.user(), began));
        }
    }

    /**
     * The screen shown is the server's: after a clear, what the shell prints is exactly what the tab shows (read as
     * a person copies it: select all, copy).
     */
    private static void assertScreenFollowsTheServer(int round) throws IOException {
        String lines = IntStream.rangeClosed(1, 5).mapToObj(i -> "screen-" + round + "-" + i)
                .collect(Collectors.joining(" "));
        Path done = Scripts.sharedFolder().resolve("kept-screen-" + round);
        x.type("clear; printf '%s\\n' " + lines + "; touch " + done);
        x.key("Return");
        XDisplay.waitFor("the screen command of round " + round, PATIENCE,
                () -> Files.exists(done) ? Optional.of(true) : Optional.empty());
        String expected = IntStream.rangeClosed(1, 5).mapToObj(i -> "screen-" + round + "-" + i)
                .collect(Collectors.joining("\n"));
        String screen = XDisplay.waitFor("the copied screen of round " + round, Duration.ofSeconds(15), () -> {
            x.key("ctrl+shift+a", "ctrl+shift+c");
            String copied = x.clipboard("clipboard");
            return copied.contains(expected + "\n") ? Optional.of(copied) : Optional.empty();
        });
        assertTrue(screen.lines().filter(l -> l.startsWith("screen-" + round + "-")).count() == 5,
                "round " + round + ": exactly the five lines printed after the clear:\n" + screen);
    }

    /** Runs a command line that writes one line to {@code file}; waits for the whole line (not just the file). */
    private static String runAndReadLine(String commandLine, Path file) {
        x.type(commandLine);
        x.key("Return");
        return XDisplay.waitFor(file.getFileName() + " from: " + commandLine, PATIENCE, () -> {
            try {
                String text = Files.exists(file) ? Files.readString(file) : "";
                return text.endsWith("\n") ? Optional.of(text.strip()) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    private static void assertNoJournals(Desk desk) throws IOException {
        Path sessions = desk.config.resolve("sessions");
        if (Files.isDirectory(sessions)) {
            try (var files = Files.list(sessions)) {
                assertEquals(List.of(), files.map(f -> f.getFileName().toString())
                        .filter(n -> n.endsWith(".journal")).toList(), "journals left after the sessions ended");
            }
        }
    }

}
