package dev.tern.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.testbed.MoshServer;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import dev.tern.testbed.Tmux;
import dev.tern.testbed.UdpImpairmentProxy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code tern} session outlives its process: killed with SIGKILL during heavy output or typing, {@code tern
 * --resume} takes up the same session of the same real mosh-server (the same shell, its variables, the output
 * going on), from a new socket, without ever using a (direction, sequence number) pair twice under the key.
 */
@ExtendWith(TestBed.class)
class SessionResumeTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern NUMBER = Pattern.compile("^(\\d{2,7})\\s*$", Pattern.MULTILINE);

    @TempDir
    Path config;

    private Map<String, String> environment(String key) {
        Map<String, String> extra = new HashMap<>(Map.of("TERN_CONFIG_DIR", config.toString()));
        if (key != null) {
            extra.put("MOSH_KEY", key);
        }
        return CliProcess.utf8(extra);
    }

    private Path sessions() {
        return config.resolve("sessions");
    }

    @Test
    void killedDuringOutputAndTypingItResumesTheSameShellWithNoNonceUsedTwice() throws Exception {
        Random random = new Random(15);
        try (MoshServer server = MoshServer.plainBash();
             UdpImpairmentProxy proxy = UdpImpairmentProxy.start(server.address(), 15)) {
            String port = Integer.toString(proxy.listenAddress().getPort());
            long shell;
            try (Tmux tmux = Tmux.start(90, 24, environment(server.key()),
                    CliProcess.commandLine("--attach", "127.0.0.1", port))) {
                tmux.waitForLine(Pattern.compile("\\$ ?"), PATIENCE);
                tmux.type("MARK=kept-$((6*7)); echo shell=$$");
                tmux.sendKeys("Enter");
                shell = number(tmux.waitForLine(Pattern.compile("shell=\\d+\\s*"), PATIENCE), "shell=(\\d+)");
                assertJournalHoldsNoKey(server.key());
                kill(tmux);
            }
            // 13 rounds: with the first kill above, 21 kills at random moments (two in each output round)
            for (int round = 0; round < 13; round++) {
                try (Tmux tmux = Tmux.start(90, 24, environment(null), CliProcess.commandLine("--resume"))) {
                    tmux.waitForText("$", PATIENCE); // the saved screen, shown at once; keys go to the session now
                    tmux.sendKeys("C-c"); // ends the output of the round before, or the half-typed line
                    awaitFreshPrompt(tmux);
                    tmux.type("echo round-" + round + "-$MARK-$$");
                    tmux.sendKeys("Enter");
                    tmux.waitForLine(Pattern.compile("round-" + round + "-kept-42-" + shell + "\\s*"), PATIENCE);
                    if (round % 2 == 0) {
                        tmux.type("seq 1 1000000");
                        tmux.sendKeys("Enter");
                        tmux.waitFor(screen -> highest(screen) > 1000, PATIENCE, "seq's output");
                        Thread.sleep(100 + random.nextInt(700));
                        long shown = highest(tmux.capture());
                        kill(tmux);
                        // the next process first shows where this one was, then the output goes on from there
                        try (Tmux next = Tmux.start(90, 24, environment(null), CliProcess.commandLine("--resume"))) {
                            next.waitFor(screen -> highest(screen) > shown || screen.contains("1000000"), PATIENCE,
                                    "seq's output going on past " + shown);
                            kill(next);
                        }
                    } else {
                        tmux.type("echo typed-");
                        tmux.waitForText("echo typed-", PATIENCE);
                        for (char c : "while typing".toCharArray()) {
                            tmux.type(String.valueOf(c));
                            Thread.sleep(random.nextInt(40));
                        }
                        kill(tmux);
                    }
                }
                assertTrue(server.isAlive(), "mosh-server ended in round " + round);
            }
            try (Tmux tmux = Tmux.start(90, 24, environment(null), CliProcess.commandLine("--resume"))) {
                tmux.waitForText("$", PATIENCE);
                tmux.sendKeys("C-c");
                awaitFreshPrompt(tmux);
                tmux.type("echo last-$MARK-$$");
                tmux.sendKeys("Enter");
                tmux.waitForLine(Pattern.compile("last-kept-42-" + shell + "\\s*"), PATIENCE);
                assertJournalHoldsNoKey(server.key());
                tmux.sendKeys("C-^", ".");
                assertEquals(0, tmux.awaitExit(PATIENCE), tmux::captureAll);
            }
            assertEquals(0, proxy.repeatedNonces(), "nonces seen twice, of " + proxy.distinctNonces());
            assertTrue(proxy.distinctNonces() > 100, "too little traffic to tell: " + proxy.distinctNonces());
            assertEquals(List.of(), journals(), "a session that ended keeps no journal");
        }
    }

    @Test
    void aSessionStartedOverSshResumesItsOwnServerWithoutStartingAnother(SshServer sshd) throws Exception {
        Path home = config.resolve("home");
        Files.createDirectories(home);
        Map<String, String> env = new HashMap<>(environment(null));
        env.put("HOME", home.toString());
        String login = CliProcess.commandLine("--ssh-port", Integer.toString(sshd.port()), "-i",
                sshd.ed25519Key().toString(), "--known-hosts", sshd.knownHosts().toString(), "-p", "45000:45999",
                sshd.user() + "@" + sshd.host());
        String before;
        try (Tmux tmux = Tmux.start(100, 30, env, login)) {
            tmux.waitForText("@", PATIENCE); // the login shell's prompt
            tmux.type("MARK=over-ssh; echo ids=$$-$PPID");
            tmux.sendKeys("Enter");
            before = tmux.waitForLine(Pattern.compile("ids=\\d+-\\d+\\s*"), PATIENCE).lines()
                    .filter(l -> l.startsWith("ids=")).findFirst().orElseThrow().strip();
            kill(tmux);
        }
        long server = Long.parseLong(before.substring(before.indexOf('-') + 1));
        try (Tmux list = Tmux.start(120, 10, env, CliProcess.commandLine("--sessions"))) {
            assertEquals(0, list.awaitExit(PATIENCE));
            assertTrue(list.captureAll().contains(sshd.user() + "@" + sshd.host()), list::captureAll);
        }
        try (Tmux tmux = Tmux.start(100, 30, env, CliProcess.commandLine("--resume"))) {
            tmux.waitForText("ids=", PATIENCE); // the saved screen at once
            tmux.type("echo again-$MARK ids=$$-$PPID");
            tmux.sendKeys("Enter");
            // the same shell under the same mosh-server: --resume logs in nowhere and starts nothing
            tmux.waitForLine(Pattern.compile("again-over-ssh " + Pattern.quote(before) + "\\s*"), PATIENCE);
            tmux.sendKeys("C-^", ".");
            assertEquals(0, tmux.awaitExit(PATIENCE), tmux::captureAll);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false),
                "mosh-server " + server + " still runs after the resumed session ended");
        assertEquals(List.of(), journals());
    }

    @Test
    void aResumeAfterTheServerWasKilledSaysSoAndFails() throws Exception {
        try (MoshServer server = MoshServer.plainBash()) {
            try (Tmux tmux = Tmux.start(90, 24, environment(server.key()),
                    CliProcess.commandLine("--attach", "127.0.0.1", Integer.toString(server.port())))) {
                tmux.waitForLine(Pattern.compile("\\$ ?"), PATIENCE);
                kill(tmux);
            }
            server.close();
            try (Tmux tmux = Tmux.start(100, 24, environment(null), CliProcess.commandLine("--resume"))) {
                int status = tmux.awaitExit(PATIENCE);
                String screen = tmux.captureAll();
                assertNotEquals(0, status, screen);
                assertTrue(screen.contains("did not answer") && screen.contains("start a new session"), screen);
            }
            assertEquals(1, journals().size(), "the journal is kept for a later try");
        }
    }

    @Test
    void twoRacingResumesGiveOneLiveSession() throws Exception {
        try (MoshServer server = MoshServer.plainBash()) {
            try (Tmux tmux = Tmux.start(90, 24, environment(server.key()),
                    CliProcess.commandLine("--attach", "127.0.0.1", Integer.toString(server.port())))) {
                tmux.waitForLine(Pattern.compile("\\$ ?"), PATIENCE);
                tmux.type("MARK=raced");
                tmux.sendKeys("Enter");
                tmux.waitForText("MARK=raced", PATIENCE);
                Thread.sleep(300);
                kill(tmux);
            }
            String id = journals().getFirst().getFileName().toString().replace(".journal", "");
            try (Tmux first = Tmux.start(100, 24, environment(null), CliProcess.commandLine("--resume", id));
                 Tmux second = Tmux.start(100, 24, environment(null), CliProcess.commandLine("--resume", id))) {
                Tmux loser = awaitOneExit(first, second);
                Tmux winner = loser == first ? second : first;
                assertEquals(1, loser.exitStatus(), loser::captureAll);
                assertTrue(loser.captureAll().matches("(?s).*session " + id + " is open in process \\d+.*"),
                        loser::captureAll);
                winner.waitForText("MARK=raced", PATIENCE);
                winner.type("echo alive-$MARK");
                winner.sendKeys("Enter");
                winner.waitForLine(Pattern.compile("alive-raced\\s*"), PATIENCE);
                // a third process is told the same, and --sessions says where it is open
                try (Tmux list = Tmux.start(120, 10, environment(null), CliProcess.commandLine("--sessions"))) {
                    assertEquals(0, list.awaitExit(PATIENCE));
                    assertTrue(list.captureAll().contains(id) && list.captureAll().contains("open in process"),
                            list::captureAll);
                }
                winner.sendKeys("C-^", "d");
                assertEquals(0, winner.awaitExit(PATIENCE), winner::captureAll);
                assertTrue(winner.captureAll().contains("tern --resume " + id), winner::captureAll);
            }
            assertTrue(server.isAlive(), "a detach leaves the server running");
            try (Tmux list = Tmux.start(120, 10, environment(null), CliProcess.commandLine("--sessions"))) {
                assertEquals(0, list.awaitExit(PATIENCE));
                assertTrue(list.captureAll().contains(id) && list.captureAll().contains("resumable"),
                        list::captureAll);
            }
        }
    }

    /**
     * Waits until the shell has dealt with the Ctrl-C just sent: "^C" shown, then an empty prompt on the last line.
     * Typed sooner, the tty's flush on the interrupt may take the first keys with it.
     */
    private static void awaitFreshPrompt(Tmux tmux) {
        tmux.waitFor(screen -> {
            List<String> lines = screen.lines().filter(l -> !l.isBlank()).map(String::strip).toList();
            return lines.size() >= 2 && lines.getLast().equals("$") && lines.get(lines.size() - 2).endsWith("^C");
        }, PATIENCE, "the shell's answer to Ctrl-C");
    }

    private static Tmux awaitOneExit(Tmux first, Tmux second) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (first.exitStatus() >= 0) {
                assertTrue(second.exitStatus() < 0, "both resumes ended:\n" + first.captureAll() + second.captureAll());
                return first;
            }
            if (second.exitStatus() >= 0) {
                return second;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("neither racing resume was refused:\n" + first.capture() + "\n" + second.capture());
    }

    private void assertJournalHoldsNoKey(String printableKey) throws IOException {
        byte[] raw = Base64.getDecoder().decode(printableKey + "==");
        List<Path> files = journals();
        assertFalse(files.isEmpty(), "no journal in " + sessions());
        try (Stream<Path> all = Files.list(sessions())) {
            for (Path file : all.toList()) {
                byte[] bytes = Files.readAllBytes(file);
                assertFalse(contains(bytes, raw), file + " holds the session key's bytes");
                assertFalse(contains(bytes, printableKey.getBytes(StandardCharsets.US_ASCII)),
                        file + " holds the session key in base64");
                assertFalse(contains(bytes, printableKey.substring(0, 16).getBytes(StandardCharsets.US_ASCII)),
                        file + " holds part of the session key in base64");
            }
        }
    }

    private List<Path> journals() throws IOException {
        if (!Files.isDirectory(sessions())) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(sessions())) {
            return new ArrayList<>(all.filter(f -> f.getFileName().toString().endsWith(".journal")).toList());
        }
    }

    /** Byte for byte: ISO-8859-1 maps every byte to one char, so a string search is an exact byte search. */
    private static boolean contains(byte[] haystack, byte[] needle) {
        return new String(haystack, java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(new String(needle, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static long highest(String screen) {
        long highest = 0;
        Matcher m = NUMBER.matcher(screen);
        while (m.find()) {
            highest = Math.max(highest, Long.parseLong(m.group(1)));
        }
        return highest;
    }

    private static long number(String screen, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(screen);
        assertTrue(m.find(), screen);
        return Long.parseLong(m.group(1));
    }

    /** SIGKILL to the tern JVM under the pane, and wait for it to be gone. */
    private static void kill(Tmux tmux) throws IOException, InterruptedException {
        ProcessHandle cli = ProcessHandle.of(tmux.panePid()).orElseThrow().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no tern process under the pane"));
        Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(cli.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
        tmux.awaitExit(PATIENCE);
    }
}
