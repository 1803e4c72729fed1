package dev.tern.transport.ssh;

import static dev.tern.transport.ssh.TestTargets.target;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tern.testbed.Prerequisites;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import dev.tern.transport.crypto.SessionKey;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.session.MoshSession;
import dev.tern.transport.session.MoshSessionListener;
import dev.tern.transport.session.RemoteScreen;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connect time, from the start of the SSH connection to the first screen showing the remote command's output:
 * Tern (JSch bootstrap + pure-Java Mosh) against the official {@code mosh --ssh=...} wrapper, in the same run on
 * the same test bed, alternating. Figures are printed (and written to target/benchmarks), never asserted: timing
 * must not fail a build. The assertions check that both clients really showed the output.
 */
@ExtendWith(TestBed.class)
@org.junit.jupiter.api.Tag("benchmark")
class ConnectTimeBenchmarkTest {
    private static final int RUNS = 3;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MARKER = "BENCH-42";
    /** The shell computes the marker, so an echo of the command line cannot be mistaken for it. */
    private static final List<String> COMMAND = List.of("sh", "-c", "echo BENCH-$((6*7)); sleep 1");

    @TempDir
    Path home;

    @Test
    void ternAgainstTheOfficialWrapper(SshServer server) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mosh")) && Files.isExecutable(Path.of("/usr/bin/script")),
                "the official mosh wrapper (package mosh) and script (package bsdutils) are needed");
        assumeTrue(Prerequisites.runningAsRoot(), "the official wrapper asks sshd for a terminal (ssh -tt), which "
                + "an sshd that does not run as root cannot serve");
        List<Long> tern = new ArrayList<>();
        List<Long> official = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            official.add(officialMillis(server));
            tern.add(ternMillis(server));
        }
        long ternMedian = median(tern);
        long officialMedian = median(official);
        String report = String.format(Locale.ROOT, "connect to first screen, %d runs each: tern median %d ms %s, "
                        + "official mosh median %d ms %s, ratio tern/official %.2f, load %s%n", RUNS, ternMedian,
                tern, officialMedian, official, (double) ternMedian / officialMedian, load());
        System.out.print(report);
        Path out = Path.of("target", "benchmarks");
        Files.createDirectories(out);
        Files.writeString(out.resolve("ssh-connect-time.txt"), report);
    }

    private long ternMillis(SshServer server) throws Exception {
        long start = System.nanoTime();
        ConnectSpec spec = TestTargets.resolve(target(server).identityFile(server.ed25519Key()).build(), home);
        MoshEndpoint endpoint;
        try (SshConnection connection = SshConnector.connect(spec, Prompter.refusing(), ConnectProgress.silent())) {
            endpoint = MoshBootstrap.start(connection, MoshServerOptions.defaults()
                    .withServerPorts(MoshBootstrapTest.freePorts(10)).withCommand(COMMAND), ConnectProgress.silent());
        }
        try (MoshSession session = MoshSession.start(endpoint.udpTarget(), SessionKey.parse(endpoint.key()), 80, 24,
                new MoshSessionListener() { })) {
            long deadline = start + WAIT.toNanos();
            while (!screenText(session.screen()).contains(MARKER) && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            long elapsed = System.nanoTime() - start;
            assertTrue(screenText(session.screen()).contains(MARKER), screenText(session.screen()));
            return TimeUnit.NANOSECONDS.toMillis(elapsed);
        }
    }

    private long officialMillis(SshServer server) throws Exception {
        List<String> ssh = server.sshCommand();
        // sshCommand ends with user@host; the wrapper wants the ssh options only
        String sshOptions = String.join(" ", ssh.subList(0, ssh.size() - 1));
        UdpPortRange ports = MoshBootstrapTest.freePorts(10);
        String mosh = "mosh --ssh=" + MoshServerCommand.quote(sshOptions) + " -p " + ports.argument() + " "
                + server.user() + "@" + server.host() + " -- " + String.join(" ", COMMAND.stream()
                .map(MoshServerCommand::quote).toList());
        // script gives the client a terminal; without a size it would be 0x0, which mosh-client aborts on
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", "stty cols 80 rows 24; exec " + mosh,
                "/dev/null").redirectErrorStream(true);
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().put("TERM", "xterm-256color");
        long start = System.nanoTime();
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        long found = -1;
        try (InputStream in = process.getInputStream()) {
            long deadline = start + WAIT.toNanos();
            byte[] buffer = new byte[4096];
            int n;
            while (found < 0 && System.nanoTime() < deadline && (n = in.read(buffer)) >= 0) {
                output.write(buffer, 0, n);
                if (output.toString(StandardCharsets.UTF_8).contains(MARKER)) {
                    found = System.nanoTime() - start;
                }
            }
            // the remote command ends a second later, and with it the session: let the client exit by itself
            if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
            throw e;
        }
        assertTrue(found >= 0, "the official client never showed the marker; " + mosh + " exited "
                + (process.isAlive() ? "-" : process.exitValue()) + " and printed: " + output.toString(
                StandardCharsets.UTF_8));
        return TimeUnit.NANOSECONDS.toMillis(found);
    }

    private static String screenText(RemoteScreen screen) {
        if (screen == null) {
            return "";
        }
        Framebuffer framebuffer = screen.framebuffer();
        StringBuilder text = new StringBuilder();
        for (int y = 0; y < framebuffer.height(); y++) {
            text.append(framebuffer.row(y).text()).append('\n');
        }
        return text.toString();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
