package dev.tern.transport.ssh;

import com.jcraft.jsch.AgentConnector;
import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.PageantFFMConnector;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.UnixDomainSocketFactory;
import com.jcraft.jsch.WindowsSSHAgentConnector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Vector;

/**
 * The keys offered for public-key login: the agent's keys first (ssh-agent over its Unix socket, or Pageant / the
 * Windows OpenSSH agent), then the identity files. With IdentitiesOnly, agent keys are offered only when they match
 * one of the identity files, as in OpenSSH.
 */
final class KeyRing implements IdentityRepository {
    private final Optional<IdentityRepository> agent;
    private final IdentityRepository files;
    private final boolean identitiesOnly;

    private KeyRing(Optional<IdentityRepository> agent, IdentityRepository files, boolean identitiesOnly) {
        this.agent = agent;
        this.files = files;
        this.identitiesOnly = identitiesOnly;
    }

    /** Loads the spec's key files into {@code jsch} and connects to the agent when the spec wants it. */
    static KeyRing load(JSch jsch, ConnectSpec spec, ConnectProgress progress) throws SshException {
        for (Path file : spec.identityFiles()) {
            try {
                jsch.addIdentity(file.toString());
            } catch (JSchException e) {
                progress.warning("The key " + file + " could not be read (" + e.getMessage() + "); it was skipped. "
                        + "Supported: OpenSSH and PEM formats of ed25519, ECDSA and RSA keys.");
            }
        }
        return new KeyRing(openAgent(spec, progress), jsch.getIdentityRepository(), spec.identitiesOnly());
    }

    private static Optional<IdentityRepository> openAgent(ConnectSpec spec, ConnectProgress progress) {
        if (!spec.useAgent()) {
            return Optional.empty();
        }
        List<AgentConnector> candidates = new ArrayList<>();
        if (spec.agentSocket().isPresent()) {
            Path socket = spec.agentSocket().get();
            addIfConstructible(candidates, () -> new SSHAgentConnector(new UnixDomainSocketFactory(), socket));
        } else {
            addIfConstructible(candidates, PageantFFMConnector::new);
            addIfConstructible(candidates, WindowsSSHAgentConnector::new);
        }
        for (AgentConnector connector : candidates) {
            try {
                if (connector.isAvailable()) {
                    return Optional.of(new AgentIdentityRepository(connector));
                }
            } catch (RuntimeException | LinkageError broken) {
                // try the next one
            }
        }
        spec.agentSocket().ifPresent(socket -> progress.warning("The SSH agent at " + socket
                + " does not answer; its keys are not offered."));
        return Optional.empty();
    }

    private interface ConnectorFactory {
        AgentConnector create() throws Exception;
    }

    private static void addIfConstructible(List<AgentConnector> candidates, ConnectorFactory factory) {
        try {
            candidates.add(factory.create());
        } catch (Exception | LinkageError unavailable) {
            // a connector this platform lacks (Pageant off Windows, ...); the others are still tried
        }
    }

    boolean hasAgent() {
        return agent.isPresent();
    }

    @Override
    public String getName() {
        return "tern-keyring";
    }

    @Override
    public int getStatus() {
        return RUNNING;
    }

    @Override
    public Vector<Identity> getIdentities() {
        Vector<Identity> fileKeys = files.getIdentities();
        Vector<Identity> all = new Vector<>();
        if (agent.isPresent()) {
            Vector<Identity> agentKeys;
            try {
                agentKeys = agent.get().getIdentities();
            } catch (RuntimeException agentGone) {
                agentKeys = new Vector<>();
            }
            for (Identity key : agentKeys) {
                if (!identitiesOnly || matchesAny(key, fileKeys)) {
                    all.add(key);
                }
            }
        }
        for (Identity key : fileKeys) {
            // a file key the agent already offered would only cost a passphrase prompt and a login attempt
            if (!matchesAny(key, all)) {
                all.add(key);
            }
        }
        return all;
    }

    private static boolean matchesAny(Identity key, List<Identity> others) {
        byte[] blob = key.getPublicKeyBlob();
        if (blob == null) {
            return false;
        }
        for (Identity other : others) {
            byte[] otherBlob = other.getPublicKeyBlob();
            if (otherBlob != null && Arrays.equals(blob, otherBlob)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean add(byte[] identity) {
        return false;
    }

    @Override
    public boolean remove(byte[] blob) {
        return false;
    }

    @Override
    public void removeAll() {
        // Tern never changes the agent's or the files' keys
    }
}
