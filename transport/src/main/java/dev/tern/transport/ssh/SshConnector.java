package dev.tern.transport.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Opens SSH connections with JSch: through the spec's jump hosts in order, each hop with its own host-key check
 * and login, the last one being the target. Blocks, and asks the {@link Prompter} on the calling thread.
 */
public final class SshConnector {
    /** Methods Tern can use; JSch's gssapi-with-mic is left out (no Kerberos setup is wired). */
    private static final List<String> SUPPORTED_METHODS = List.of("publickey", "keyboard-interactive", "password");

    private SshConnector() {
    }

    /** Resolves a profile's target against the environment's {@code ~/.ssh/config}, then connects. */
    public static SshConnection connect(SshTarget target, SshEnvironment environment, Prompter prompter,
                                        ConnectProgress progress) throws SshException {
        return connect(ConnectSpecResolver.forEnvironment(environment).resolve(target), prompter, progress);
    }

    public static SshConnection connect(ConnectSpec spec, Prompter prompter, ConnectProgress progress)
            throws SshException {
        spec.warnings().forEach(progress::warning);
        List<ConnectSpec> hops = new ArrayList<>(spec.jumps());
        hops.add(spec);
        List<Session> sessions = new ArrayList<>();
        InetSocketAddress reached = null;
        try {
            for (int i = 0; i < hops.size(); i++) {
                ConnectSpec hop = hops.get(i);
                boolean isJump = i < hops.size() - 1;
                JSch jsch = new JSch();
                KeyRing keys = KeyRing.load(jsch, hop, progress);
                HostKeyVerifier verifier = new HostKeyVerifier(new KnownHosts(hop.knownHostsFiles(),
                        hop.globalKnownHostsFiles(), hop.hashKnownHosts()), hop.strictHostKeyChecking(), prompter,
                        progress);
                LoginPrompts prompts = new LoginPrompts(prompter, LoginHop.of(hop, !isJump));
                Session session;
                try {
                    session = jsch.getSession(hop.user(), hop.hostName(), hop.port());
                    if (hop.hostKeyAlias().isPresent()) {
                        session.setHostKeyAlias(hop.hostKeyAlias().get());
                    }
                } catch (JSchException e) {
                    throw new SshException(SshFailure.CONFIG_ERROR, "Bad SSH destination " + hop.displayName()
                            + ": " + e.getMessage(), e);
                }
                session.setIdentityRepository(keys);
                session.setHostKeyRepository(verifier);
                session.setUserInfo(prompts);
                // every host-key decision is made by the verifier; "yes" stops JSch from deciding on its own
                session.setConfig("StrictHostKeyChecking", "yes");
                session.setConfig("PreferredAuthentications", usableMethods(hop.preferredAuthentications()));
                session.setDaemonThread(true);
                if (!hop.serverAliveInterval().isZero()) {
                    try {
                        session.setServerAliveInterval((int) Math.min(Integer.MAX_VALUE,
                                hop.serverAliveInterval().toMillis()));
                    } catch (JSchException notYetConnected) {
                        // only thrown for a live socket's timeout; before connect() there is none
                    }
                    session.setServerAliveCountMax(hop.serverAliveCountMax());
                }
                DirectSocketFactory direct = null;
                if (sessions.isEmpty()) {
                    direct = new DirectSocketFactory(hop.connectTimeout(), progress);
                    session.setSocketFactory(direct);
                } else {
                    session.setProxy(new JumpChannelProxy(sessions.getLast(), hops.get(i - 1).displayName(),
                            progress));
                }
                try {
                    session.connect((int) Math.min(Integer.MAX_VALUE, hop.connectTimeout().toMillis()));
                } catch (JSchException e) {
                    throw LoginFailures.explain(e, hop, isJump, verifier, prompts, keys);
                }
                sessions.add(session);
                if (direct != null && !isJump) {
                    reached = direct.reached();
                }
            }
        } catch (SshException | RuntimeException e) {
            disconnectAll(sessions);
            throw e;
        }
        progress.stage(ConnectStage.LOGGED_IN, spec.displayName());
        return new SshConnection(spec, sessions, reached);
    }

    private static String usableMethods(String preferred) {
        String methods = Arrays.stream(preferred.split(",")).map(String::strip)
                .filter(SUPPORTED_METHODS::contains).distinct().collect(Collectors.joining(","));
        return methods.isEmpty() ? String.join(",", SUPPORTED_METHODS) : methods;
    }

    static void disconnectAll(List<Session> sessions) {
        for (int i = sessions.size() - 1; i >= 0; i--) {
            sessions.get(i).disconnect();
        }
    }
}
