package dev.tern.transport.ssh;

import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what JSch throws while connecting one hop into an {@link SshException} that says what to do. */
final class LoginFailures {
    private static final Pattern AUTH = Pattern.compile("Auth (fail|cancel) for methods '([^']*)'");

    private LoginFailures() {
    }

    static SshException explain(JSchException e, ConnectSpec hop, boolean isJump, HostKeyVerifier verifier,
                                LoginPrompts prompts, KeyRing keys) {
        String where = (isJump ? "jump host " : "") + hop.displayName();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SshException known) {
                return isJump && known.failure() != SshFailure.JUMP_FAILED ? prefixed(known, "Jump host "
                        + hop.displayName() + ": ") : known;
            }
        }
        if (e instanceof JSchHostKeyException || e instanceof JSchChangedHostKeyException) {
            SshException refusal = verifier.refusal();
            if (refusal != null) {
                return isJump ? prefixed(refusal, "Jump host " + hop.displayName() + ": ") : refusal;
            }
            return new SshException(SshFailure.HOST_KEY_NOT_ACCEPTED, "The host key of " + where
                    + " was not accepted.", e);
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher auth = AUTH.matcher(message);
        if (auth.find()) {
            return authentication(auth.group(1).equals("cancel"), auth.group(2), where, hop, prompts, keys, e);
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (e.getCause() instanceof SocketTimeoutException || lower.contains("timeout")) {
            return new SshException(SshFailure.CONNECTION_TIMED_OUT, "The SSH handshake with " + where
                    + " timed out. The server (or a relay in front of it) accepted the connection but did not "
                    + "answer; check that the port is really an SSH server.", e);
        }
        if (lower.contains("closed by foreign host") || lower.contains("connection reset")
                || lower.contains("end of io stream") || lower.contains("session is down")) {
            return new SshException(SshFailure.CONNECTION_CLOSED, where + " closed the connection during the SSH "
                    + "handshake. Check that the port is an SSH server, and that your address is not blocked "
                    + "(fail2ban, AllowUsers, MaxStartups).", e);
        }
        if (lower.contains("algorithm negotiation fail")) {
            return new SshException(SshFailure.PROTOCOL, where + " offers no key exchange, cipher or host key "
                    + "algorithm that Tern supports (" + message + "). The server's SSH software is probably very "
                    + "old; ask for it to be updated.", e);
        }
        return new SshException(SshFailure.PROTOCOL, "SSH connection to " + where + " failed: " + message, e);
    }

    private static SshException authentication(boolean cancelled, String serverMethods, String where,
                                               ConnectSpec hop, LoginPrompts prompts, KeyRing keys,
                                               JSchException e) {
        List<String> tried = new ArrayList<>();
        List<String> keyNames = new ArrayList<>();
        if (keys.hasAgent()) {
            keyNames.add("the agent's keys");
        }
        for (Path file : hop.identityFiles()) {
            keyNames.add(file.getFileName().toString());
        }
        boolean publicKeyUsable = serverMethods.contains("publickey") && hop.preferredAuthentications()
                .contains("publickey");
        if (publicKeyUsable) {
            tried.add(keyNames.isEmpty() ? "publickey (no keys available)" : "publickey (" + String.join(", ",
                    keyNames) + ")");
        }
        tried.addAll(prompts.methodsTried());
        StringBuilder text = new StringBuilder("Login to ").append(where).append(" failed. ");
        text.append("The server accepts: ").append(serverMethods.isEmpty() ? "nothing Tern knows" : serverMethods)
                .append("; Tern tried: ").append(tried.isEmpty() ? "nothing it could use" : String.join(", ", tried))
                .append(". ");
        if (cancelled && prompts.anyCancelled() && !prompts.secretGiven()) {
            text.append("A prompt was cancelled.");
            return new SshException(SshFailure.AUTH_CANCELLED, text.toString(), e);
        }
        if (prompts.methodsTried().contains("password") || prompts.methodsTried()
                .contains("keyboard-interactive")) {
            text.append("Check the user name (").append(hop.user()).append(") and the password. ");
        }
        if (publicKeyUsable) {
            text.append(keyNames.isEmpty() ? "Add an identity file to the profile or load a key into ssh-agent. "
                    : "Check that one of the public keys is in ~/.ssh/authorized_keys of " + hop.user()
                    + " on the server. ");
        }
        return new SshException(SshFailure.AUTH_FAILED, text.toString().strip(), e);
    }

    private static SshException prefixed(SshException e, String prefix) {
        return new SshException(e.failure(), prefix + e.getMessage(), e.getCause(),
                e.changedHostKey().orElse(null));
    }
}
