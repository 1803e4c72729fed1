package dev.tern.testbed;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code mosh-server} on loopback, started locally as the current user (no SSH involved), on a UDP port
 * outside mosh's default range 60001–60999 (other programs on these machines use that range). Always kill it
 * with {@link #close()}; a JVM shutdown hook kills any that a test forgot.
 */
public final class MoshServer implements AutoCloseable {
    /** The wrapper's own pattern for the line, from the bootstrap spec. */
    static final Pattern CONNECT_LINE = Pattern.compile("^MOSH CONNECT (\\d+) ([A-Za-z0-9/+]{22})\\s*$",
            Pattern.MULTILINE);
    static final Pattern DETACHED_LINE = Pattern.compile("\\[mosh-server detached, pid = (\\d+)]");

    private static final int PORT_LOW = 40000;
    private static final int PORT_HIGH = 59999;
    private static final Set<Long> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(pid -> Processes.terminate(pid,
                Duration.ofSeconds(1))), "mosh-server-reaper"));
    }

    private final InetSocketAddress address;
    private final String key;
    private final long pid;
    private final List<Long> descendants = new ArrayList<>();

    private MoshServer(InetSocketAddress address, String key, long pid) {
        this.address = address;
        this.key = key;
        this.pid = pid;
    }

    /** A server running bash without startup files, whose prompt is exactly {@code "$ "}: what most tests type into. */
    public static MoshServer plainBash() {
        return start(Map.of("PS1", "$ "), "bash", "--norc", "--noprofile");
    }

    /** Starts {@code mosh-server new -i 127.0.0.1 -p PORT -l LANG=C.UTF-8 -- command...}. */
    public static MoshServer start(String... command) {
        return start(Map.of(), command);
    }

    public static MoshServer start(Map<String, String> env, String... command) {
        String moshServer = Prerequisites.require("mosh-server", "mosh").toString();
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 8; attempt++) {
            int port = freeUdpPort();
            try {
                return launch(moshServer, port, env, command);
            } catch (IllegalStateException e) {
                last = e; // most likely the port was taken between the check and the bind: try another
            }
        }
        throw last;
    }

    private static MoshServer launch(String moshServer, int port, Map<String, String> env, String... command) {
        List<String> argv = new ArrayList<>(List.of(moshServer, "new", "-i", "127.0.0.1", "-p",
                Integer.toString(port), "-c", "256", "-l", "LANG=C.UTF-8"));
        if (command.length > 0) {
            argv.add("--");
            argv.addAll(List.of(command));
        }
        ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(
                Processes.nullFile()));
        Map<String, String> environment = builder.environment();
        environment.put("LANG", "C.UTF-8");
        environment.remove("LC_ALL");
        environment.putAll(new LinkedHashMap<>(env));
        try {
            Process process = builder.start();
            Processes.StreamCollector out = new Processes.StreamCollector(process.getInputStream());
            Processes.StreamCollector err = new Processes.StreamCollector(process.getErrorStream());
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("mosh-server new did not return within 20 s");
            }
            String stdout = out.text();
            String stderr = err.text();
            Matcher connect = CONNECT_LINE.matcher(stdout.replace("\r", ""));
            Matcher detached = DETACHED_LINE.matcher(stderr + stdout);
            if (process.exitValue() != 0 || !connect.find() || !detached.find()) {
                throw new IllegalStateException("mosh-server did not start (exit " + process.exitValue()
                        + ")\nstdout: " + stdout + "\nstderr: " + stderr);
            }
            long pid = Long.parseLong(detached.group(1));
            LIVE.add(pid);
            MoshServer server = new MoshServer(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    Integer.parseInt(connect.group(1))), connect.group(2), pid);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + moshServer + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting mosh-server", e);
        }
    }

    private static int freeUdpPort() {
        for (int i = 0; i < 100; i++) {
            int port = ThreadLocalRandom.current().nextInt(PORT_LOW, PORT_HIGH + 1);
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    port))) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IllegalStateException("no free UDP port between " + PORT_LOW + " and " + PORT_HIGH);
    }

    public InetSocketAddress address() {
        return address;
    }

    public int port() {
        return address.getPort();
    }

    /** The 22-character base64 session key, as printed on the {@code MOSH CONNECT} line. */
    public String key() {
        return key;
    }

    public long pid() {
        return pid;
    }

    public boolean isAlive() {
        return Processes.isRunning(pid);
    }

    /** Pids of the server's children (the shell and what it runs), as far as they can be seen now. */
    public List<Long> childPids() {
        return ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid)
                .toList();
    }

    /** Kills the server and whatever it started, and waits until they are gone. */
    @Override
    public void close() {
        synchronized (descendants) {
            descendants.addAll(childPids());
        }
        if (!Processes.terminate(pid, Duration.ofSeconds(3))) {
            throw new IllegalStateException("mosh-server " + pid + " did not exit after SIGTERM and SIGKILL");
        }
        LIVE.remove(pid);
        for (long child : descendants) {
            Processes.terminate(child, Duration.ofSeconds(2));
        }
    }

    /** Whether the server and every child seen at {@link #close()} are gone. */
    public boolean isGoneWithChildren() {
        synchronized (descendants) {
            return !isAlive() && descendants.stream().noneMatch(Processes::isRunning);
        }
    }

    @Override
    public String toString() {
        return "mosh-server pid " + pid + " on " + address;
    }
}
