package dev.tern.app.session;

import dev.tern.transport.ssh.ChangedHostKey;
import dev.tern.transport.ssh.LoginHop;
import dev.tern.transport.ssh.Prompter;
import dev.tern.transport.ssh.SshException;
import dev.tern.transport.ssh.UnknownHostKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The transport's {@link Prompter} for one tab, answered by the app's {@link LoginPrompts}; what a real
 * {@link SessionLauncher} hands to the SSH connector. A changed host key arrives as an {@link SshException}, so
 * {@link #reportFailure} shows its warning dialog.
 */
public final class TransportPrompter implements Prompter {
    private final String profileId;
    private final LoginPrompts prompts;

    /** @param profileId the saved profile (for remembered passwords), or null for quick-connect tabs */
    public TransportPrompter(String profileId, LoginPrompts prompts) {
        this.profileId = profileId;
        this.prompts = prompts;
    }

    @Override
    public Optional<String> password(LoginHop hop, int attempt) {
        return prompts.password(profileId, new LoginPrompts.Hop(hop.displayName(), hop.key(), hop.target()),
                attempt);
    }

    /** A question that does not say which hop asks: answered by a dialog only, never from the keychain. */
    @Override
    public Optional<String> password(String userAtHost, int attempt) {
        return prompts.password(profileId, new LoginPrompts.Hop(userAtHost, null, false), attempt);
    }

    @Override
    public Optional<String> passphrase(Path keyFile, int attempt) {
        return prompts.passphrase(keyFile, attempt);
    }

    @Override
    public Optional<List<String>> keyboardInteractive(String userAtHost, String name, String instruction,
                                                      List<KeyboardPrompt> prompts) {
        return this.prompts.keyboardInteractive(userAtHost, name, instruction,
                prompts.stream().map(p -> new LoginPrompts.Question(p.text(), p.echo())).toList());
    }

    @Override
    public boolean acceptUnknownHostKey(UnknownHostKey key) {
        return prompts.acceptNewHostKey(key.host(), key.keyType(), key.fingerprint(), key.recordIn(),
                key.otherKnownTypes().stream().map(UnknownHostKey::shortName).distinct().toList());
    }

    /** Shows the hard warning when a connect failed because the host key changed; other failures go to the tab. */
    public void reportFailure(SshException failure) {
        failure.changedHostKey().ifPresent(this::warnChanged);
    }

    private void warnChanged(ChangedHostKey key) {
        prompts.hostKeyChanged(key.host(), key.keyType(), key.knownFingerprint(), key.offeredFingerprint(),
                key.file(), key.line());
    }
}
