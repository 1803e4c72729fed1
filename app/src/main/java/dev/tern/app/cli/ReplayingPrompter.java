package dev.tern.app.cli;

import dev.tern.transport.ssh.LoginHop;
import dev.tern.transport.ssh.Prompter;
import dev.tern.transport.ssh.UnknownHostKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CLI's login questions for a session that logs in more than once (the history's companion connection logs in
 * again after roaming or sleep): the first login asks on the terminal; once the session has the screen, nobody can
 * be asked there, so later logins get the answers given the first time, from memory only, for as long as this
 * process runs. A question never answered before (a new host key, another hop) is declined.
 */
final class ReplayingPrompter implements Prompter {
    private final Prompter console;
    private final Map<String, Optional<String>> passwords = new ConcurrentHashMap<>();
    private final Map<Path, Optional<String>> passphrases = new ConcurrentHashMap<>();
    private volatile boolean asking = true;

    ReplayingPrompter(Prompter console) {
        this.console = console;
    }

    /** From now on the terminal belongs to the session: only remembered answers are given. */
    void stopAsking() {
        asking = false;
    }

    @Override
    public Optional<String> password(String userAtHost, int attempt) {
        return remembered(passwords, userAtHost, attempt, () -> console.password(userAtHost, attempt));
    }

    @Override
    public Optional<String> password(LoginHop hop, int attempt) {
        return remembered(passwords, hop.key(), attempt, () -> console.password(hop, attempt));
    }

    @Override
    public Optional<String> passphrase(Path keyFile, int attempt) {
        return remembered(passphrases, keyFile, attempt, () -> console.passphrase(keyFile, attempt));
    }

    private <K> Optional<String> remembered(Map<K, Optional<String>> answers, K key, int attempt,
                                            java.util.function.Supplier<Optional<String>> ask) {
        if (!asking) {
            // a remembered answer that is refused now is not tried twice
            return attempt == 1 ? answers.getOrDefault(key, Optional.empty()) : Optional.empty();
        }
        Optional<String> answer = ask.get();
        answers.put(key, answer);
        return answer;
    }

    @Override
    public Optional<List<String>> keyboardInteractive(String userAtHost, String name, String instruction,
                                                      List<KeyboardPrompt> prompts) {
        // one-time codes and the like cannot be given again
        return asking ? console.keyboardInteractive(userAtHost, name, instruction, prompts) : Optional.empty();
    }

    @Override
    public boolean acceptUnknownHostKey(UnknownHostKey key) {
        return asking && console.acceptUnknownHostKey(key);
    }

    @Override
    public void banner(String text) {
        if (asking) {
            console.banner(text);
        }
    }
}
