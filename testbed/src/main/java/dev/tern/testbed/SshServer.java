package dev.tern.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A private OpenSSH server on a free loopback port, with its own host keys, config and authorized keys in a
 * temporary folder; never the machine's {@code /etc/ssh}.
 *
 * <p>As root it serves a dedicated user ({@value #TEST_USER}, created when missing, with a known password so
 * password and keyboard-interactive logins can be tested through PAM). As an ordinary user sshd runs as that
 * user and can only log that same user in, by key (no PAM, no password).
 */
public final class SshServer implements AutoCloseable {
    public static final String TEST_USER = "terntest";
    /** A throwaway local account's password; the test sshd listens on loopback only and allows only this user. */
    static final String TEST_PASSWORD = "tern-Test-pw-7";
    static final String ENCRYPTED_KEY_PASSPHRASE = "correct horse battery";

    private final Path dir;
    private final int port;
    private final String user;
    private final Optional<String> password;
    private final Process sshd;
    private final List<String> fingerprints;

    private SshServer(Path dir, int port, String user, Optional<String> password, Process sshd,
                      List<String> fingerprints) {
        this.dir = dir;
        this.port = port;
        this.user = user;
        this.password = password;
        this.sshd = sshd;
        this.fingerprints = fingerprints;
    }

    /**
     * How a server differs from the usual one.
     *
     * @param hostKeyTypes   the host key types it has and offers (ssh-keygen's names: ed25519, ecdsa, rsa)
     * @param publicKeyLogin false for a server that takes passwords only (only possible as root)
     */
    public record Options(List<String> hostKeyTypes, boolean publicKeyLogin) {
        public static final Options DEFAULT = new Options(List.of("ed25519", "ecdsa", "rsa"), true);

        public Options {
            hostKeyTypes = List.copyOf(hostKeyTypes);
            if (hostKeyTypes.isEmpty()) {
                throw new IllegalArgumentException("an sshd needs at least one host key");
            }
        }

        public Options withHostKeyTypes(String... types) {
            return new Options(List.of(types), publicKeyLogin);
        }

        public Options passwordOnly() {
            return new Options(hostKeyTypes, false);
        }
    }

    /** Starts a server; missing programs fail (CI) or skip (elsewhere) with what to install. */
    public static SshServer start() {
        return start(Options.DEFAULT);
    }

    /** Starts a server set up as {@code options} say. */
    public static SshServer start(Options options) {
        Path sshdBinary = Prerequisites.require("sshd", "openssh-server");
        Path keygen = Prerequisites.require("ssh-keygen", "openssh-client");
        try {
            Path dir = Files.createTempDirectory("tern-sshd-");
            // sshd reads the authorized keys as the logged-in user: the folder must be traversable by it
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            boolean root = Prerequisites.runningAsRoot();
            String user = root ? ensureTestUser() : System.getProperty("user.name");
            Optional<String> password = root ? Optional.of(TEST_PASSWORD) : Optional.empty();

            List<Path> hostKeys = new ArrayList<>();
            for (String type : options.hostKeyTypes()) {
                Path key = dir.resolve("ssh_host_" + type + "_key");
                generateKey(keygen, type, key, "", List.of());
                hostKeys.add(key);
            }
            generateKey(keygen, "ed25519", dir.resolve("id_ed25519"), "", List.of());
            generateKey(keygen, "rsa", dir.resolve("id_rsa_pem"), "", List.of("-b", "2048", "-m", "PEM"));
            generateKey(keygen, "ed25519", dir.resolve("id_ed25519_encrypted"), ENCRYPTED_KEY_PASSPHRASE,
                    List.of());
            generateKey(keygen, "ed25519", dir.resolve("id_unauthorized"), "", List.of());
            Path authorized = dir.resolve("authorized_keys");
            Files.writeString(authorized, String.join("", Files.readString(dir.resolve("id_ed25519.pub")),
                    Files.readString(dir.resolve("id_rsa_pem.pub")),
                    Files.readString(dir.resolve("id_ed25519_encrypted.pub"))));
            Files.setPosixFilePermissions(authorized, PosixFilePermissions.fromString("rw-r--r--"));
            if (root) {
                Files.createDirectories(Path.of("/run/sshd")); // privilege separation dir; /run is a tmpfs
            }

            List<String> fingerprints = new ArrayList<>();
            for (Path hostKey : hostKeys) {
                fingerprints.add(fingerprint(Files.readString(Path.of(hostKey + ".pub"))));
            }

            IllegalStateException last = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                int port = freeTcpPort();
                Path config = writeConfig(dir, port, user, root, options.publicKeyLogin(), hostKeys, authorized);
                Processes.runChecked(List.of(sshdBinary.toString(), "-t", "-f", config.toString()),
                        Duration.ofSeconds(20));
                writeKnownHosts(dir, port, hostKeys);
                // -D: stay in the foreground as our child, so we own its lifetime; -e logs go to the file with -E
                Process process = new ProcessBuilder(sshdBinary.toString(), "-D", "-f", config.toString(), "-E",
                        dir.resolve("sshd.log").toString()).redirectInput(ProcessBuilder.Redirect.from(
                        Processes.nullFile())).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("sshd.out").toFile()).start();
                if (waitForListening(process, port, Duration.ofSeconds(10))) {
                    SshServer server = new SshServer(dir, port, user, password, process, List.copyOf(fingerprints));
                    Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly, "sshd-reaper"));
                    return server;
                }
                process.destroyForcibly();
                last = new IllegalStateException("sshd did not start on port " + port + ": "
                        + readQuietly(dir.resolve("sshd.log")) + readQuietly(dir.resolve("sshd.out")));
            }
            throw last;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the test sshd", e);
        }
    }

    private static String ensureTestUser() {
        Processes.Result exists = Processes.run(List.of("id", "-u", TEST_USER), Duration.ofSeconds(10));
        if (exists.exitCode() != 0) {
            Path useradd = Prerequisites.require("useradd", "passwd");
            Processes.Result created = Processes.run(List.of(useradd.toString(), "-m", "-s", "/bin/bash",
                    TEST_USER), Duration.ofSeconds(30));
            // another test JVM may have created it at the same moment: only a user that still is missing is an error
            if (created.exitCode() != 0
                    && Processes.run(List.of("id", "-u", TEST_USER), Duration.ofSeconds(10)).exitCode() != 0) {
                throw new IllegalStateException("could not create the test user " + TEST_USER + ": "
                        + created.stderr());
            }
        }
        Path chpasswd = Prerequisites.require("chpasswd", "passwd");
        try {
            Process process = new ProcessBuilder(chpasswd.toString()).redirectErrorStream(true).start();
            process.getOutputStream().write((TEST_USER + ":" + TEST_PASSWORD + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("chpasswd failed: " + new String(process.getInputStream()
                        .readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return TEST_USER;
    }

    private static void generateKey(Path keygen, String type, Path file, String passphrase, List<String> extra) {
        List<String> command = new ArrayList<>(List.of(keygen.toString(), "-q", "-t", type, "-N", passphrase,
                "-C", "tern-testbed-" + file.getFileName(), "-f", file.toString()));
        command.addAll(extra);
        Processes.runChecked(command, Duration.ofSeconds(30));
    }

    private static Path writeConfig(Path dir, int port, String user, boolean root, boolean publicKeyLogin,
                                    List<Path> hostKeys, Path authorized) throws IOException {
        StringBuilder config = new StringBuilder("# Private sshd of Tern's test bed; never reads /etc/ssh.\n");
        config.append("Port ").append(port).append('\n');
        config.append("ListenAddress 127.0.0.1\n");
        for (Path hostKey : hostKeys) {
            config.append("HostKey ").append(hostKey).append('\n');
        }
        config.append("PidFile ").append(dir.resolve("sshd.pid")).append('\n');
        // per-instance file: test JVMs running side by side never overwrite each other's keys
        config.append("AuthorizedKeysFile ").append(authorized).append('\n');
        // the file lives under /tmp (world-writable with the sticky bit), which StrictModes would refuse
        config.append("StrictModes no\n");
        config.append("PubkeyAuthentication ").append(publicKeyLogin ? "yes" : "no").append('\n');
        config.append("PasswordAuthentication ").append(root ? "yes" : "no").append('\n');
        config.append("KbdInteractiveAuthentication ").append(root ? "yes" : "no").append('\n');
        config.append("PermitEmptyPasswords no\n");
        // PAM only works for a root sshd; it also sets LANG from /etc/default/locale, as on real servers
        config.append("UsePAM ").append(root ? "yes" : "no").append('\n');
        config.append("PermitRootLogin no\n");
        config.append("AllowUsers ").append(user).append('\n');
        config.append("AcceptEnv LANG LC_*\n");
        config.append("PrintMotd no\nPrintLastLog no\nX11Forwarding no\nUseDNS no\n");
        config.append("AllowTcpForwarding yes\n"); // jump-host (ProxyJump) tests forward through this server
        config.append("LogLevel VERBOSE\n");
        config.append("MaxStartups 100:30:200\nMaxSessions 64\n");
        Path file = dir.resolve("sshd_config");
        Files.writeString(file, config.toString());
        return file;
    }

    private static void writeKnownHosts(Path dir, int port, List<Path> hostKeys) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Path hostKey : hostKeys) {
            String[] parts = Files.readString(Path.of(hostKey + ".pub")).trim().split("\\s+");
            lines.append("[127.0.0.1]:").append(port).append(' ').append(parts[0]).append(' ').append(parts[1])
                    .append('\n');
        }
        Files.writeString(dir.resolve("known_hosts"), lines.toString());
    }

    /** OpenSSH's SHA-256 fingerprint of a public key line: SHA-256 of the key blob, base64 without padding. */
    static String fingerprint(String publicKeyLine) {
        String blob = publicKeyLine.trim().split("\\s+")[1];
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(blob));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean waitForListening(Process process, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                Processes.sleep(50);
            }
        }
        return false;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    /** Authorized, unencrypted OpenSSH-format ed25519 key; the public key is beside it with ".pub". */
    public Path ed25519Key() {
        return dir.resolve("id_ed25519");
    }

    /** Authorized, unencrypted RSA key in the old PEM format ("BEGIN RSA PRIVATE KEY"). */
    public Path rsaPemKey() {
        return dir.resolve("id_rsa_pem");
    }

    /** Authorized ed25519 key, encrypted with {@link #encryptedKeyPassphrase()}. */
    public Path encryptedKey() {
        return dir.resolve("id_ed25519_encrypted");
    }

    public String encryptedKeyPassphrase() {
        return ENCRYPTED_KEY_PASSPHRASE;
    }

    /** A valid key that this server does not accept. */
    public Path unauthorizedKey() {
        return dir.resolve("id_unauthorized");
    }

    /** {@code [127.0.0.1]:PORT} lines for all host keys of this server. */
    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /** {@code SHA256:...} fingerprints of the host keys, in the order of {@link Options#hostKeyTypes()}. */
    public List<String> hostKeyFingerprints() {
        return fingerprints;
    }

    /** The user's password, when the test bed could set one (only when the tests run as root). */
    public Optional<String> password() {
        return password;
    }

    /** Lets one more public key in (e.g. another server's client key, to use this server as a jump host). */
    public void authorize(Path publicKeyFile) {
        try {
            Files.writeString(dir.resolve("authorized_keys"), Files.readString(publicKeyFile),
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path logFile() {
        return dir.resolve("sshd.log");
    }

    public boolean isRunning() {
        return sshd.isAlive();
    }

    /** An OpenSSH client command line that logs in with {@link #ed25519Key()} and runs {@code remoteCommand}. */
    public List<String> sshCommand(String... remoteCommand) {
        return sshCommand(ed25519Key(), remoteCommand);
    }

    public List<String> sshCommand(Path identity, String... remoteCommand) {
        List<String> command = new ArrayList<>(List.of(Prerequisites.require("ssh", "openssh-client").toString(),
                "-F", "/dev/null", "-p", Integer.toString(port), "-i", identity.toString(),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "UserKnownHostsFile=" + knownHosts(),
                "-o", "StrictHostKeyChecking=yes", "-o", "ConnectTimeout=10", user + "@" + host()));
        command.addAll(List.of(remoteCommand));
        return command;
    }

    @Override
    public void close() {
        stopQuietly();
        deleteTree(dir);
    }

    private void stopQuietly() {
        sshd.destroy();
        try {
            if (!sshd.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                sshd.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }

    @Override
    public String toString() {
        return "sshd on " + host() + ":" + port + " for " + user;
    }
}
