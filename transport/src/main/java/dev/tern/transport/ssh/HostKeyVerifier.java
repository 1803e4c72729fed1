package dev.tern.transport.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSch's host key check, done Tern's way: known keys pass, a changed key is refused with a precise message, and an
 * unknown key is handled by the {@link StrictHostKeyChecking} policy, asking the {@link Prompter} when the policy
 * says so. JSch runs with StrictHostKeyChecking=yes over this repository, so every decision is made here; the
 * reason for a refusal is kept for {@link #refusal()} because JSch's own exception does not carry it.
 */
final class HostKeyVerifier implements HostKeyRepository {
    private final KnownHosts knownHosts;
    private final StrictHostKeyChecking policy;
    private final Prompter prompter;
    private final ConnectProgress progress;
    private volatile SshException refusal;

    HostKeyVerifier(KnownHosts knownHosts, StrictHostKeyChecking policy, Prompter prompter,
                    ConnectProgress progress) {
        this.knownHosts = knownHosts;
        this.policy = policy;
        this.prompter = prompter;
        this.progress = progress;
    }

    /** Why the last check refused the key, if it did. */
    SshException refusal() {
        return refusal;
    }

    @Override
    public int check(String host, byte[] key) {
        String type = HostKeyFingerprint.keyType(key);
        String fingerprint = HostKeyFingerprint.sha256(key);
        KnownHosts.Verdict verdict;
        try {
            verdict = knownHosts.check(host, key);
        } catch (IOException | RuntimeException e) {
            refusal = new SshException(SshFailure.HOST_KEY_STORE, "Could not read the known hosts file to check "
                    + "the key of " + host + ": " + e.getMessage() + ". Fix the file's permissions or content.", e);
            return NOT_INCLUDED;
        }
        return switch (verdict) {
            case KnownHosts.Verdict.Known known -> OK;
            case KnownHosts.Verdict.Revoked revoked -> {
                refusal = new SshException(SshFailure.HOST_KEY_CHANGED, "The " + type + " host key of " + host
                        + " (" + fingerprint + ") is marked @revoked in " + revoked.entry().file() + " line "
                        + revoked.entry().line() + ". Tern will not connect with a revoked key; ask the server's "
                        + "administrator.");
                yield CHANGED;
            }
            case KnownHosts.Verdict.Changed changed -> {
                KnownHostEntry recorded = changed.recorded();
                ChangedHostKey details = new ChangedHostKey(host, type, recorded.fingerprint(), fingerprint,
                        recorded.file(), recorded.line());
                refusal = new SshException(SshFailure.HOST_KEY_CHANGED, details.message(), null, details);
                yield CHANGED;
            }
            case KnownHosts.Verdict.Unknown unknown -> decideUnknown(host, key, new UnknownHostKey(host, type,
                    fingerprint, knownHosts.recordFile().orElse(null), unknown.otherTypes().stream()
                    .map(KnownHostEntry::keyType).distinct().toList()));
        };
    }

    private int decideUnknown(String host, byte[] key, UnknownHostKey unknown) {
        String offered = "The " + unknown.keyType() + " host key of " + host + " (" + unknown.fingerprint() + ")";
        boolean accept = switch (policy) {
            case YES -> false;
            // another type on record means this is no first contact: accept-new never decides that alone
            case ACCEPT_NEW, NO -> !unknown.otherTypeKnown() || prompter.acceptUnknownHostKey(unknown);
            case ASK -> prompter.acceptUnknownHostKey(unknown);
        };
        if (!accept) {
            String why;
            if (policy == StrictHostKeyChecking.YES) {
                why = offered + " is not in your known hosts, and strict host key checking is on. "
                        + (unknown.otherTypeKnown() ? "A key of another type (" + unknown.otherKnownTypeNames()
                        + ") is recorded for it; if the server really changed its keys, check the new fingerprint "
                        + "with its administrator, then add it to " : "Add the key to ")
                        + knownHosts.recordFile().map(Object::toString).orElse("known_hosts")
                        + " or set StrictHostKeyChecking to ask.";
            } else if (unknown.otherTypeKnown()) {
                why = offered + " was not accepted, so Tern did not connect. A key of another type ("
                        + unknown.otherKnownTypeNames() + ") is recorded for this host, so Tern asks before "
                        + "trusting a new one" + (policy == StrictHostKeyChecking.ASK ? "." : ", also under "
                        + "StrictHostKeyChecking " + policy.name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', '-') + ".");
            } else {
                why = offered + " was not accepted, so Tern did not connect.";
            }
            refusal = new SshException(SshFailure.HOST_KEY_NOT_ACCEPTED, why);
            return NOT_INCLUDED;
        }
        try {
            knownHosts.record(host, key);
        } catch (IOException | RuntimeException e) {
            progress.warning("The host key of " + host + " was accepted but could not be saved: " + e.getMessage()
                    + ". You will be asked again next time.");
        }
        return OK;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // recording happens in check(); JSch only calls this for policies Tern never hands it
    }

    @Override
    public void remove(String host, String type) {
        // Tern never removes keys on its own: a changed key is the user's decision, made in the file
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // as above
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return knownHosts.recordFile().map(Object::toString).orElse(null);
    }

    @Override
    public HostKey[] getHostKey() {
        return new HostKey[0];
    }

    /**
     * The recorded keys of a host; JSch uses them to ask the server for a key type we already know, so a known
     * server is not mistaken for a new one. Revocation is checked in {@link #check}, so typed queries get nothing.
     */
    @Override
    public HostKey[] getHostKey(String host, String type) {
        if (type != null || host == null) {
            return new HostKey[0];
        }
        List<HostKey> keys = new ArrayList<>();
        try {
            for (KnownHostEntry entry : knownHosts.entriesFor(host)) {
                if (entry.marker().isEmpty()) {
                    try {
                        keys.add(new HostKey(host, HostKey.GUESS, entry.key()));
                    } catch (JSchException | RuntimeException unsupportedType) {
                        // a key type JSch does not know cannot be preferred; skipping it is harmless
                    }
                }
            }
        } catch (IOException unreadable) {
            // check() reports the unreadable file
        }
        return keys.toArray(HostKey[]::new);
    }
}
