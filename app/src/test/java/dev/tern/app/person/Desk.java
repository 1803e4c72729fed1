package dev.tern.app.person;

import dev.tern.app.profile.AuthMethod;
import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.MoshOptions;
import dev.tern.app.profile.PredictionMode;
import dev.tern.app.profile.Profile;
import dev.tern.app.profile.ProfileEdits;
import dev.tern.app.profile.ProfileStore;
import dev.tern.app.profile.TerminalOptions;
import dev.tern.testbed.SshServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A person's machine for one test: a home folder whose ~/.ssh/known_hosts already trusts the test bed's sshd,
 * Tern's settings folder, and (when asked) profiles saved for the test bed, as a person who used Tern before has.
 */
final class Desk {
    final Path root;
    final Path home;
    final Path config;

    Desk(Path root) throws IOException {
        this.root = root;
        this.home = root.resolve("home");
        this.config = root.resolve("config");
        Files.createDirectories(home.resolve(".ssh"));
        Files.createDirectories(config);
    }

    /** Trusts the test bed's host keys under 127.0.0.1 and localhost, as earlier connections would have. */
    Desk trusting(SshServer server) throws IOException {
        String knownHosts = Files.readString(server.knownHosts());
        Files.writeString(home.resolve(".ssh/known_hosts"),
                knownHosts + knownHosts.replace("[127.0.0.1]", "[localhost]"));
        return this;
    }

    /** Gives the person the test bed's authorised key as their default key, ~/.ssh/id_ed25519. */
    Desk withDefaultKey(SshServer server) throws IOException {
        Path key = home.resolve(".ssh/id_ed25519");
        Files.copy(server.ed25519Key(), key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of(server.ed25519Key() + ".pub"), home.resolve(".ssh/id_ed25519.pub"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return this;
    }

    /** Saves profiles through the app's own store, as the profile editor would. */
    Desk withProfiles(Profile... profiles) throws IOException {
        ProfileStore store = new ProfileStore(config);
        store.load();
        store.update(ProfileEdits.add(List.of(profiles)));
        return this;
    }

    static Profile testbed(String name, ConnectionKind kind, SshServer server) {
        return new Profile(null, name, "", kind, server.host(), server.port(), server.user(), AuthMethod.KEY_FILE,
                server.ed25519Key().toString(), "", false,
                new MoshOptions("", "", "", null, PredictionMode.ADAPTIVE, false, "C.UTF-8"), "",
                TerminalOptions.DEFAULTS);
    }

    /**
     * A Mosh profile for the test bed whose datagrams go through the impairment proxy: mosh-server binds
     * {@code udpPort} and the profile sends to the proxy (the UDP host/port override), which forwards there.
     */
    static Profile testbedThroughProxy(String name, SshServer server, int udpPort, int proxyPort) {
        return new Profile(null, name, "", ConnectionKind.MOSH, server.host(), server.port(), server.user(),
                AuthMethod.KEY_FILE, server.ed25519Key().toString(), "", false,
                new MoshOptions("", String.valueOf(udpPort), "127.0.0.1", proxyPort, PredictionMode.ADAPTIVE, false,
                        "C.UTF-8"), "", TerminalOptions.DEFAULTS);
    }

    /** A UDP port nobody listens on now, for a mosh-server to bind. */
    static int freeUdpPort() throws IOException {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }

    TernProcess startTern(XDisplay x) throws IOException {
        return TernProcess.start(x, config, home, root.resolve("tern.log"));
    }

    /** Tern with more options for its JVM, each run logging to a file of its own. */
    TernProcess startTern(XDisplay x, String javaOptions, Path log) throws IOException {
        return TernProcess.start(x, config, home, log, javaOptions);
    }
}
