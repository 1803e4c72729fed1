package dev.tern.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tern.app.profile.AuthMethod;
import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.Profile;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import dev.tern.transport.ssh.ConnectProgress;
import dev.tern.transport.ssh.ExecResult;
import dev.tern.transport.ssh.Prompter;
import dev.tern.transport.ssh.SshConnection;
import dev.tern.transport.ssh.SshConnector;
import dev.tern.transport.ssh.SshEnvironment;
import dev.tern.transport.ssh.UnknownHostKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new profile's "Automatic" authentication against the test bed's real sshd, in a private home (never the
 * machine's ~/.ssh): it finds the default key file as ssh does, asks an encrypted one's passphrase, and falls back
 * to the password, all without the profile naming a key or a method.
 */
@ExtendWith(TestBed.class)
class AutomaticAuthTest {
    @TempDir
    Path home;

    private Path sshDir;

    @BeforeEach
    void privateHome() throws IOException {
        sshDir = Files.createDirectories(home.resolve(".ssh"));
    }

    private void knowsTheServer(SshServer server) throws IOException {
        Files.copy(server.knownHosts(), sshDir.resolve("known_hosts"));
    }

    private String loginName(SshServer server, Prompter prompter) throws Exception {
        Profile profile = Profile.remote("auto", "", ConnectionKind.SSH, server.user(), server.host(),
                server.port());
        assertEquals(AuthMethod.AUTOMATIC, profile.auth(), "new profiles log in automatically");
        try (SshConnection connection = SshConnector.connect(WidgetSessionLauncher.sshTarget(profile),
                SshEnvironment.isolated(home, "tern-test-local"), prompter, ConnectProgress.silent())) {
            ExecResult result = connection.exec("id -un", Duration.ofSeconds(20));
            assertEquals(0, result.exitStatus(), result.stderr());
            return result.stdout().strip();
        }
    }

    @Test
    void theDefaultKeyFileInDotSshLogsIn(SshServer server) throws Exception {
        knowsTheServer(server);
        Files.copy(server.ed25519Key(), sshDir.resolve("id_ed25519"));
        assertEquals(server.user(), loginName(server, Prompter.refusing()));
    }

    @Test
    void anEncryptedDefaultKeyAsksItsPassphrase(SshServer server) throws Exception {
        knowsTheServer(server);
        Path key = Files.copy(server.encryptedKey(), sshDir.resolve("id_ed25519"));
        Answers answers = new Answers(null, server.encryptedKeyPassphrase());
        assertEquals(server.user(), loginName(server, answers));
        assertEquals(List.of("passphrase " + key), answers.asked);
    }

    @Test
    void withoutAnyKeyThePasswordIsAsked(SshServer server) throws Exception {
        assumeTrue(server.password().isPresent(), "the test bed has a password only when sshd runs as root");
        knowsTheServer(server);
        Answers answers = new Answers(server.password().get(), null);
        assertEquals(server.user(), loginName(server, answers));
        assertEquals(server.user() + "@127.0.0.1:" + server.port(), answers.asked.getLast()
                .replaceFirst("^(password|keyboard) ", ""));
    }

    /** Answers the password (also as keyboard-interactive, PAM's way of asking it) or a passphrase, once each. */
    private static final class Answers implements Prompter {
        final List<String> asked = new ArrayList<>();
        private final String password;
        private final String passphrase;

        Answers(String password, String passphrase) {
            this.password = password;
            this.passphrase = passphrase;
        }

        @Override
        public Optional<String> password(String userAtHost, int attempt) {
            asked.add("password " + userAtHost);
            return attempt == 1 ? Optional.ofNullable(password) : Optional.empty();
        }

        @Override
        public Optional<String> passphrase(Path keyFile, int attempt) {
            asked.add("passphrase " + keyFile);
            return attempt == 1 ? Optional.ofNullable(passphrase) : Optional.empty();
        }

        @Override
        public Optional<List<String>> keyboardInteractive(String userAtHost, String name, String instruction,
                                                          List<KeyboardPrompt> prompts) {
            asked.add("keyboard " + userAtHost);
            return password == null ? Optional.empty()
                    : Optional.of(prompts.stream().map(prompt -> password).toList());
        }

        @Override
        public boolean acceptUnknownHostKey(UnknownHostKey key) {
            return false;
        }
    }
}
