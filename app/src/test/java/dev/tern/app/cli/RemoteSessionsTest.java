package dev.tern.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import dev.tern.testbed.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tern --sessions user@host}: the user's mosh-servers on that host over SSH, and which of them this machine
 * can resume (docs/PROTOCOL.md §8.5). Against the test bed's sshd and a real mosh-server left by a detach.
 */
@ExtendWith(TestBed.class)
class RemoteSessionsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path config;

    @Test
    void listsTheHostsServersAndNamesTheOneThisMachineCanResume(SshServer sshd) throws Exception {
        Path home = config.resolve("home");
        Files.createDirectories(home);
        Map<String, String> env = new HashMap<>(CliProcess.utf8(Map.of("TERN_CONFIG_DIR", config.toString())));
        env.put("HOME", home.toString());
        String[] ssh = {"--ssh-port", Integer.toString(sshd.port()), "-i", sshd.ed25519Key().toString(),
                "--known-hosts", sshd.knownHosts().toString()};
        String userAtHost = sshd.user() + "@" + sshd.host();
        long server = -1;
        try {
            String id;
            try (Tmux tmux = Tmux.start(100, 30, env, CliProcess.commandLine(concat(ssh, "-p", "45000:45999",
                    userAtHost)))) {
                tmux.waitForText("@", PATIENCE);
                tmux.type("echo server=$PPID");
                tmux.sendKeys("Enter");
                Matcher pid = Pattern.compile("(?m)^server=(\\d+)\\s*$").matcher(
                        tmux.waitForLine(Pattern.compile("server=\\d+\\s*"), PATIENCE));
                assertTrue(pid.find());
                server = Long.parseLong(pid.group(1));
                tmux.sendKeys("C-^", "d");
                assertEquals(0, tmux.awaitExit(PATIENCE), tmux::captureAll);
                Matcher resume = Pattern.compile("tern --resume ([0-9a-f]+)").matcher(tmux.captureAll());
                assertTrue(resume.find(), tmux::captureAll);
                id = resume.group(1);
            }
            try (Tmux list = Tmux.start(160, 20, env, CliProcess.commandLine(concat(ssh, "--sessions",
                    userAtHost)))) {
                assertEquals(0, list.awaitExit(PATIENCE), list::captureAll);
                String printed = list.captureAll();
                System.out.println(printed);
                assertTrue(Pattern.compile("(?m)^" + server + " +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +detached: tern "
                        + "--resume " + id + "\\s*$").matcher(printed).find(), printed);
            }
        } finally {
            if (server > 0) {
                ProcessHandle.of(server).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
