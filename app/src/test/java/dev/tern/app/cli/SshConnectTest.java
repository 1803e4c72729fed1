package dev.tern.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.AuthMethod;
import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.MoshOptions;
import dev.tern.app.profile.PredictionMode;
import dev.tern.app.profile.Profile;
import dev.tern.app.profile.ProfileEdits;
import dev.tern.app.profile.ProfileStore;
import dev.tern.app.profile.TerminalOptions;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import dev.tern.testbed.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tern [options] user@host} end to end: SSH login to the test bed's real sshd, mosh-server started there,
 * the session in a tmux pane; and the SSH errors a user meets, as clear messages.
 */
@ExtendWith(TestBed.class)
class SshConnectTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path home;

    private String[] args(SshServer sshd, Path key, Path knownHosts, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--ssh-port",
                Integer.toString(sshd.port()), "-i", key.toString(), "--known-hosts", knownHosts.toString(),
                "-p", "45000:45999"));
        args.addAll(java.util.List.of(extra));
        args.add(sshd.user() + "@" + sshd.host());
        return args.toArray(String[]::new);
    }

    @Test
    void logsInStartsMoshServerAndRunsASession(SshServer sshd) {
        try (Tmux tmux = Tmux.start(100, 30, CliProcess.utf8(Map.of("HOME", home.toString())),
                CliProcess.commandLine(args(sshd, sshd.ed25519Key(), sshd.knownHosts())))) {
            tmux.waitForText("@", PATIENCE); // the login shell's prompt
            tmux.type("echo over-ssh-$((6*7)) $LANG");
            tmux.sendKeys("Enter");
            tmux.waitForLine(Pattern.compile("over-ssh-42 C\\.UTF-8\\s*"), PATIENCE);
            tmux.resize(90, 25);
            tmux.type("stty size");
            tmux.sendKeys("Enter");
            tmux.waitForLine(Pattern.compile("25 90\\s*"), PATIENCE);
            Typing.writeFileWithVi(tmux, "/tmp/tern-ssh-vi-" + sshd.port() + ".txt", "written in vi over mosh", PATIENCE);
            tmux.type("exit");
            tmux.sendKeys("Enter");
            assertEquals(0, tmux.awaitExit(PATIENCE), tmux::captureAll);
            assertTrue(tmux.captureAll().contains("[mosh is exiting.]"), tmux::captureAll);
        }
    }


    @Test
    void aSavedProfileOfTheDesktopAppConnects(SshServer sshd) throws Exception {
        Path config = home.resolve("config");
        Files.createDirectories(home.resolve(".ssh"));
        Files.copy(sshd.knownHosts(), home.resolve(".ssh/known_hosts"));
        ProfileStore store = new ProfileStore(config);
        store.load();
        store.update(ProfileEdits.add(List.of(new Profile(null, "Lab box", "", ConnectionKind.MOSH, sshd.host(),
                sshd.port(), sshd.user(), AuthMethod.KEY_FILE, sshd.ed25519Key().toString(), "", false,
                new MoshOptions("", "45000:45999", "", null, PredictionMode.NEVER, false, "C.UTF-8"), "",
                TerminalOptions.DEFAULTS))));
        try (Tmux tmux = Tmux.start(100, 30, CliProcess.utf8(Map.of("HOME", home.toString(),
                "TERN_CONFIG_DIR", config.toString())), CliProcess.commandLine("--profile", "lab box"))) {
            tmux.waitForText("@", PATIENCE);
            tmux.type("echo profile-$((6*7))");
            tmux.sendKeys("Enter");
            tmux.waitForLine(Pattern.compile("profile-42\\s*"), PATIENCE);
            tmux.sendKeys("C-^", ".");
            assertEquals(0, tmux.awaitExit(PATIENCE), tmux::captureAll);
        }
        try (Tmux tmux = Tmux.start(100, 10, CliProcess.utf8(Map.of("HOME", home.toString(),
                "TERN_CONFIG_DIR", config.toString())), CliProcess.commandLine("--profile", "nope"))) {
            assertEquals(2, tmux.awaitExit(PATIENCE));
            assertTrue(tmux.captureAll().contains("no profile named 'nope'"), tmux::captureAll);
        }
    }

    @Test
    void anUnknownHostKeyIsAskedAboutAndRecorded(SshServer sshd) throws Exception {
        Path knownHosts = home.resolve("known_hosts");
        try (Tmux tmux = Tmux.start(120, 30, CliProcess.utf8(Map.of("HOME", home.toString())),
                CliProcess.commandLine(args(sshd, sshd.ed25519Key(), knownHosts)))) {
            tmux.waitForText("(yes/no)?", PATIENCE);
            assertTrue(sshd.hostKeyFingerprints().stream().anyMatch(tmux.capture()::contains), tmux::capture);
            tmux.type("yes");
            tmux.sendKeys("Enter");
            tmux.waitForText("@", PATIENCE);
            tmux.sendKeys("C-^", ".");
            assertEquals(0, tmux.awaitExit(PATIENCE), tmux::captureAll);
        }
        String host = "[127.0.0.1]:" + sshd.port();
        // plain, or hashed when the system's ssh_config says HashKnownHosts yes (Debian's does)
        assertTrue(dev.tern.app.KnownHostsLines.hasHost(knownHosts, host),
                "host key not recorded: " + Files.readString(knownHosts));
    }

    @Test
    void aRejectedKeyAndWrongPasswordsEndInAClearErrorWithSshsExitCode(SshServer sshd) {
        try (Tmux tmux = Tmux.start(120, 20, CliProcess.utf8(Map.of("HOME", home.toString())),
                CliProcess.commandLine(args(sshd, sshd.unauthorizedKey(), sshd.knownHosts())))) {
            // like ssh, a rejected key falls back to the password (as root the test bed allows passwords)
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            int answered = 0;
            while (tmux.exitStatus() < 0 && System.nanoTime() < deadline) {
                long prompts = tmux.capture().lines().filter(line -> line.strip().endsWith("assword:")).count();
                if (prompts > answered) {
                    tmux.type("not-the-password");
                    tmux.sendKeys("Enter");
                    answered++;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = tmux.awaitExit(PATIENCE);
            String screen = tmux.captureAll();
            assertEquals(255, status, screen);
            assertTrue(screen.startsWith("tern: ") || screen.contains("\ntern: "), screen);
            assertFalse(screen.contains("Exception"), screen);
        }
    }
}
