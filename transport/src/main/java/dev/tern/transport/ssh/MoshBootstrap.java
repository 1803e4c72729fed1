package dev.tern.transport.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts mosh-server over an SSH connection and returns where and how to reach it over UDP, as the official
 * {@code mosh} wrapper does, with a locale preflight and precise failure messages. The SSH connection may be closed
 * afterwards: the server detaches and lives on its own.
 */
public final class MoshBootstrap {
    /** After the CONNECT line, how long to wait for the "detached, pid" line that follows it on stderr. */
    private static final Duration PID_GRACE = Duration.ofSeconds(2);
    private static final Duration PREFLIGHT_TIMEOUT = Duration.ofSeconds(10);

    private MoshBootstrap() {
    }

    public static MoshEndpoint start(SshConnection connection, MoshServerOptions options, ConnectProgress progress)
            throws SshException {
        String host = connection.spec().displayName();
        progress.stage(ConnectStage.STARTING_MOSH_SERVER, host);
        String locale = options.localePreflight() ? pickLocale(connection, options)
                : options.locale().filter(LocalePicker::isUtf8).orElse(LocalePicker.FALLBACK);
        String command = MoshServerCommand.build(options, locale);
        // resolved before the server starts, so a bad override cannot leave an orphaned mosh-server behind
        InetAddress udpAddress = udpAddress(connection, options);

        MoshConnectScanner scanner = new MoshConnectScanner();
        int exitStatus;
        boolean timedOut;
        try (RemoteProcess process = RemoteProcess.start(connection.target(), command, options.timeout())) {
            CountDownLatch ended = new CountDownLatch(2);
            pump(process.stdout(), scanner, false, ended);
            pump(process.stderr(), scanner, true, ended);
            long deadline = System.nanoTime() + options.timeout().toNanos();
            long pidDeadline = Long.MAX_VALUE;
            while (ended.getCount() > 0 && System.nanoTime() < Math.min(deadline, pidDeadline)) {
                if (scanner.connect().isPresent()) {
                    if (scanner.serverPid().isPresent()) {
                        break;
                    }
                    pidDeadline = Math.min(pidDeadline, System.nanoTime() + PID_GRACE.toNanos());
                }
                ended.await(10, TimeUnit.MILLISECONDS);
            }
            timedOut = ended.getCount() > 0 && scanner.connect().isEmpty();
            if (ended.getCount() == 0) {
                scanner.finish();
            }
            exitStatus = waitForExitStatus(process);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshException(SshFailure.PROTOCOL, "Interrupted while starting mosh-server on " + host, e);
        }

        Optional<MoshConnectScanner.Connect> connect = scanner.connect();
        if (connect.isEmpty()) {
            throw failure(options, locale, host, scanner, exitStatus, timedOut);
        }
        InetSocketAddress udpTarget = new InetSocketAddress(udpAddress, options.udpPort().orElse(connect.get()
                .port()));
        return new MoshEndpoint(udpTarget, connect.get().port(),
                connect.get().key(), scanner.serverPid(), locale, targetSource(connection, options),
                scanner.otherLines());
    }

    /** Kills a mosh-server this bootstrap started (e.g. when the user gives up before the session is up). */
    public static boolean stopServer(SshConnection connection, long pid) throws SshException {
        if (pid <= 1) {
            return false;
        }
        return connection.exec("kill " + pid, Duration.ofSeconds(10)).succeeded();
    }

    private static String pickLocale(SshConnection connection, MoshServerOptions options) {
        Optional<List<String>> available = Optional.empty();
        try {
            ExecResult result = connection.exec("locale -a", PREFLIGHT_TIMEOUT);
            if (result.succeeded()) {
                available = Optional.of(Arrays.asList(result.stdout().split("\r?\n")));
            }
        } catch (SshException e) {
            // the preflight is a courtesy: without it mosh-server gets the fallback locale
        }
        return LocalePicker.pick(available, options.locale());
    }

    private static void pump(InputStream in, MoshConnectScanner scanner, boolean fromStderr, CountDownLatch ended) {
        Thread.ofVirtual().name(fromStderr ? "mosh-bootstrap-stderr" : "mosh-bootstrap-stdout").start(() -> {
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                char[] buffer = new char[4096];
                int n;
                while ((n = reader.read(buffer)) >= 0) {
                    scanner.feed(new String(buffer, 0, n), fromStderr);
                }
            } catch (IOException closed) {
                // the channel was closed under us: what arrived is all there is
            } finally {
                ended.countDown();
            }
        });
    }

    private static int waitForExitStatus(RemoteProcess process) throws InterruptedException {
        // the exit status arrives just before the channel closes; do not wait long for a server that detached
        long deadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
        while (!process.isClosed() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return process.exitStatus();
    }

    private static MoshEndpoint.UdpTargetSource targetSource(SshConnection connection, MoshServerOptions options) {
        if (options.udpHost().isPresent()) {
            return MoshEndpoint.UdpTargetSource.OVERRIDE;
        }
        return connection.reachedAddress().isPresent() ? MoshEndpoint.UdpTargetSource.SSH_CONNECTION
                : MoshEndpoint.UdpTargetSource.LOCAL_RESOLUTION;
    }

    private static InetAddress udpAddress(SshConnection connection, MoshServerOptions options)
            throws SshException {
        if (options.udpHost().isPresent()) {
            String host = options.udpHost().get().strip();
            try {
                return InetAddress.getByName(stripBrackets(host));
            } catch (UnknownHostException e) {
                throw new SshException(SshFailure.UNKNOWN_HOST, "The profile's UDP host '" + host + "' could not "
                        + "be resolved. Check its spelling (it should be the relay's or router's public address).",
                        e);
            }
        }
        if (connection.reachedAddress().isPresent()) {
            return connection.reachedAddress().get().getAddress();
        }
        String name = connection.spec().hostName();
        try {
            return InetAddress.getByName(stripBrackets(name));
        } catch (UnknownHostException e) {
            throw new SshException(SshFailure.UNKNOWN_HOST, "mosh-server runs on " + name + " behind jump hosts, "
                    + "but that name does not resolve here, so Tern cannot send it UDP. Set the profile's UDP host "
                    + "to an address of the server this machine can reach.", e);
        }
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static SshException failure(MoshServerOptions options, String locale, String host,
                                        MoshConnectScanner scanner, int exitStatus, boolean timedOut) {
        List<String> lines = scanner.otherLines();
        String output = excerpt(lines);
        String all = String.join("\n", lines).toLowerCase(Locale.ROOT);
        String server = options.serverCommand().strip();
        if (all.contains("needs a utf-8 native locale") || all.contains("isn't available here")) {
            return new SshException(SshFailure.MOSH_LOCALE, "mosh-server on " + host + " needs a UTF-8 locale, "
                    + "and LANG=" + locale + " is not available there. Install one on the server (Debian/Ubuntu: "
                    + "'sudo locale-gen en_US.UTF-8' or 'sudo dpkg-reconfigure locales'), or set the profile's "
                    + "locale to one that 'locale -a' lists on the server. The server said:\n" + output);
        }
        if (exitStatus == 127 || all.contains("command not found") || all.contains("not found")
                || all.contains("no such file or directory") || all.contains("unknown command")) {
            return new SshException(SshFailure.MOSH_SERVER_NOT_FOUND, "'" + server + "' was not found on " + host
                    + ". Install mosh on the server (e.g. 'sudo apt install mosh'), or, if it is installed outside "
                    + "the PATH of non-interactive logins (~/bin, /opt, /snap, Homebrew), set the profile's "
                    + "mosh-server command to its full path. The server said:\n" + output);
        }
        if (all.contains("bad udp port")) {
            return new SshException(SshFailure.MOSH_PORT, "mosh-server on " + host + " rejected the UDP port "
                    + "setting " + options.serverPorts().map(UdpPortRange::argument).orElse("") + ". Use a port "
                    + "or a range LOW:HIGH within 1-65535. The server said:\n" + output);
        }
        if (all.contains("failed binding") || all.contains("bind:")) {
            return new SshException(SshFailure.MOSH_PORT, "mosh-server on " + host + " could not bind a UDP port "
                    + options.serverPorts().map(range -> "in " + range.argument()).orElse("in 60001-60999")
                    + ": all are in use, or the bind address is wrong. Close old mosh sessions on the server "
                    + "(kill their mosh-server), widen the port range, or check the bind address. The server "
                    + "said:\n" + output);
        }
        if (scanner.malformedConnectLine().isPresent()) {
            return new SshException(SshFailure.MOSH_NO_CONNECT_LINE, "mosh-server on " + host + " printed a "
                    + "malformed line: '" + scanner.malformedConnectLine().get() + "'. Is '" + server + "' really "
                    + "mosh-server?");
        }
        if (timedOut) {
            return new SshException(SshFailure.MOSH_NO_CONNECT_LINE, "mosh-server on " + host + " did not report "
                    + "MOSH CONNECT within " + options.timeout().toSeconds() + " s. Check the server command '"
                    + server + "' (a command that waits for input, e.g. sudo asking a password, cannot work). "
                    + "It printed:\n" + output);
        }
        return new SshException(SshFailure.MOSH_NO_CONNECT_LINE, "'" + server + "' on " + host + " ended"
                + (exitStatus >= 0 ? " with status " + exitStatus : "") + " without printing MOSH CONNECT. Is "
                + "mosh installed on the server, and is the server command right? It printed:\n" + output);
    }

    private static String excerpt(List<String> lines) {
        if (lines.isEmpty()) {
            return "(nothing)";
        }
        String text = String.join("\n", lines.subList(0, Math.min(lines.size(), 25)));
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }
}
