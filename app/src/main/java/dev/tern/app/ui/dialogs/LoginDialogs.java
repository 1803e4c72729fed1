package dev.tern.app.ui.dialogs;

import dev.tern.app.session.LoginPrompts;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.Window;

/** {@link LoginPrompts} answered with the app's dialogs, owned by the main window. */
public final class LoginDialogs implements LoginPrompts {
    private final Supplier<Window> owner;
    private final PasswordMemory memory;

    public LoginDialogs(Supplier<Window> owner, PasswordMemory memory) {
        this.owner = owner;
        this.memory = memory;
    }

    @Override
    public Optional<String> password(String profileId, Hop hop, int attempt) {
        boolean memorable = profileId != null && hop.key() != null;
        if (attempt == 1 && memorable) {
            Optional<String> remembered = memory.recall(profileId, hop);
            if (remembered.isPresent()) {
                return remembered;
            }
        }
        String who = (hop.target() ? "" : "the jump host ") + hop.displayName();
        String message = attempt == 1 ? "Password for " + who
                : "That password was not accepted. Password for " + who + " (attempt " + attempt + ")";
        String note = memorable ? memory.rememberNote(profileId) : null;
        Optional<SecretDialog.Answer> answer = FxThread.call(() -> new SecretDialog(owner.get(), "Password",
                message, "Password:", note).showAndWait());
        answer.filter(SecretDialog.Answer::remember).ifPresent(a -> memory.remember(profileId, hop, a.secret()));
        return answer.map(SecretDialog.Answer::secret);
    }

    @Override
    public Optional<String> passphrase(Path keyFile, int attempt) {
        String message = (attempt == 1 ? "" : "Wrong passphrase. ") + "Passphrase for the key " + keyFile;
        return FxThread.call(() -> new SecretDialog(owner.get(), "Key passphrase", message, "Passphrase:", null)
                .showAndWait()).map(SecretDialog.Answer::secret);
    }

    @Override
    public Optional<List<String>> keyboardInteractive(String userAtHost, String name, String instruction,
                                                      List<Question> questions) {
        return FxThread.call(() -> new KeyboardInteractiveDialog(owner.get(), userAtHost, name, instruction,
                questions).showAndWait());
    }

    @Override
    public boolean acceptNewHostKey(String host, String keyType, String sha256Fingerprint, Path recordIn,
                                    List<String> otherKnownTypes) {
        return FxThread.call(() -> new HostKeyDialog(owner.get(), host, keyType, sha256Fingerprint, recordIn,
                otherKnownTypes).showAndWait().orElse(false));
    }

    @Override
    public void hostKeyChanged(String host, String keyType, String knownFingerprint, String offeredFingerprint,
                               Path knownHostsFile, int line) {
        FxThread.call(() -> new ChangedHostKeyDialog(owner.get(), host, keyType, knownFingerprint,
                offeredFingerprint, knownHostsFile, line).showAndWait());
    }
}
