package dev.tern.transport.ssh;

import dev.tern.testbed.SshServer;
import java.nio.file.Path;
import java.util.List;

/** Targets for the test bed's sshd, resolved in an isolated fake home (never the machine's ~/.ssh). */
final class TestTargets {
    private TestTargets() {
    }

    static SshTarget.Builder target(SshServer server) {
        return SshTarget.builder(server.host()).port(server.port()).user(server.user())
                .knownHostsFile(server.knownHosts()).strictHostKeyChecking(StrictHostKeyChecking.YES)
                .useAgent(false).identitiesOnly(true).identityFiles(List.of());
    }

    static ConnectSpec resolve(SshTarget target, Path home) throws SshException {
        return ConnectSpecResolver.forEnvironment(SshEnvironment.isolated(home, "tern-test-local")).resolve(target);
    }

    static SshConnection connect(SshTarget target, Path home, Prompter prompter) throws SshException {
        return SshConnector.connect(resolve(target, home), prompter, ConnectProgress.silent());
    }

    static String hop(SshServer server) {
        return server.user() + "@" + server.host() + ":" + server.port();
    }
}
