package dev.tern.transport.ssh;

import static dev.tern.transport.ssh.TestTargets.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A real ssh-agent, started by the test on a private socket, holding the test bed's ed25519 key. */
@ExtendWith(TestBed.class)
class SshAgentTest {
    @TempDir
    Path dir;

    private Process agent;
    private Path socket;

    @BeforeEach
    void startAgent(SshServer server) throws Exception {
        Optional<Path> sshAgent = onPath("ssh-agent");
        Optional<Path> sshAdd = onPath("ssh-add");
        assumeTrue(sshAgent.isPresent() && sshAdd.isPresent(),
                "ssh-agent and ssh-add (package openssh-client) are needed for the agent tests");
        socket = dir.resolve("agent.sock");
        // -D: stay in the foreground as our child, so the test owns (and ends) exactly this agent
        agent = new ProcessBuilder(sshAgent.get().toString(), "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(socket) && agent.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assumeTrue(Files.exists(socket), "ssh-agent did not create its socket: " + Files.readString(
                dir.resolve("agent.log")));
        ProcessBuilder add = new ProcessBuilder(sshAdd.get().toString(), server.ed25519Key().toString())
                .redirectErrorStream(true);
        add.environment().put("SSH_AUTH_SOCK", socket.toString());
        Process adding = add.start();
        String output = new String(adding.getInputStream().readAllBytes());
        assertEquals(true, adding.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, adding.exitValue(), output);
    }

    @AfterEach
    void stopAgent() throws InterruptedException {
        if (agent != null) {
            agent.destroy();
            agent.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static Optional<Path> onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(folder, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private ConnectSpec spec(SshTarget target) throws SshException, IOException {
        SshEnvironment environment = SshEnvironment.isolated(Files.createDirectories(dir.resolve("home")), "local")
                .withAgentSocket(socket);
        return ConnectSpecResolver.forEnvironment(environment).resolve(target);
    }

    @Test
    void logsInWithTheAgentsKey(SshServer server) throws Exception {
        ConnectSpec spec = spec(target(server).useAgent(true).identitiesOnly(false)
                .preferredAuthentications("publickey").build());
        assertEquals(Optional.of(socket), spec.agentSocket());
        try (SshConnection connection = SshConnector.connect(spec, Prompter.refusing(), ConnectProgress.silent())) {
            assertEquals(server.user(), connection.exec("id -un", Duration.ofSeconds(20)).stdout().strip());
        }
    }

    @Test
    void identitiesOnlyKeepsOtherAgentKeysBack(SshServer server) throws Exception {
        ConnectSpec spec = spec(target(server).useAgent(true).identitiesOnly(true)
                .identityFiles(List.of(server.unauthorizedKey())).preferredAuthentications("publickey").build());
        SshException e = assertThrows(SshException.class,
                () -> SshConnector.connect(spec, Prompter.refusing(), ConnectProgress.silent()));
        assertEquals(SshFailure.AUTH_FAILED, e.failure(), e.getMessage());
    }
}
