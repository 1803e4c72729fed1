package dev.tern.transport.ssh;

import static dev.tern.transport.ssh.TestTargets.connect;
import static dev.tern.transport.ssh.TestTargets.target;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tern.testbed.Prerequisites;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestBed.class)
class SshShellTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path home;

    /** Collects a shell's output in the background. */
    private static final class Output {
        private final StringBuilder text = new StringBuilder();

        Output(InputStream in) {
            Thread.ofVirtual().start(() -> {
                byte[] buffer = new byte[4096];
                try {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        synchronized (text) {
                            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                            text.notifyAll();
                        }
                    }
                } catch (IOException closed) {
                    // the shell ended
                }
            });
        }

        /** Waits until the output contains {@code expected}; returns everything seen so far. */
        String await(String expected) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            synchronized (text) {
                while (text.indexOf(expected) < 0 && System.nanoTime() < deadline) {
                    text.wait(100);
                }
                return text.toString();
            }
        }
    }

    private static void type(SshShell shell, String line) throws IOException {
        shell.input().write(line.getBytes(StandardCharsets.UTF_8));
        shell.input().flush();
    }

    @Test
    void echoesACommandAndFollowsResizes(SshServer server) throws Exception {
        assumeTrue(Prerequisites.runningAsRoot(), "an sshd that does not run as root cannot serve terminals "
                + "(OpenSSH aborts the session: 'Attempt to write login records by non-root user')");
        try (SshConnection connection = connect(target(server).identityFile(server.ed25519Key()).build(), home,
                Prompter.refusing());
             SshShell shell = connection.openShell("xterm-256color", PtySize.of(80, 24), Map.of("LANG", "C.UTF-8"))) {
            Output output = new Output(shell.output());
            // the markers are built by the shell, so the echo of the typed line cannot match them
            type(shell, "echo \"term=$TERM\" \"size=$(stty size)\" \"lang=$LANG\" \"mark=$((6*7))\"\n");
            String first = output.await("mark=42");
            assertTrue(first.contains("term=xterm-256color size=24 80 lang=C.UTF-8 mark=42"), first);

            shell.resize(PtySize.of(100, 30));
            type(shell, "echo \"size=$(stty size)\" \"mark=$((7*8))\"\n");
            String second = output.await("mark=56");
            assertTrue(second.contains("size=30 100 mark=56"), second);

            type(shell, "exit 3\n");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (shell.exitStatus().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(!shell.isOpen(), "the shell ended");
            assertTrue(shell.exitStatus().isPresent() && shell.exitStatus().getAsInt() == 3,
                    String.valueOf(shell.exitStatus()));
            assertTrue(connection.isConnected(), "closing a shell leaves the connection up");
        }
    }
}
