package dev.tern.transport.ssh;

import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UserInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bridges one hop's login questions from JSch to a {@link Prompter}, naming the hop that asks, limits retries
 * (three per question and hop, as OpenSSH's NumberOfPasswordPrompts), and remembers which methods were tried so a
 * failure can name them.
 */
final class LoginPrompts implements UserInfo, UIKeyboardInteractive {
    private static final int MAX_ATTEMPTS = 3;
    private static final String PASSPHRASE_PREFIX = "Passphrase for ";

    private final Prompter prompter;
    private final LoginHop hop;
    private final Set<String> methodsTried = new LinkedHashSet<>();
    private final Map<String, Integer> passphraseAttempts = new HashMap<>();
    private int passwordAttempts;
    private int keyboardAttempts;
    private String password;
    private String passphrase;
    private boolean cancelled;
    private boolean secretGiven;

    LoginPrompts(Prompter prompter, LoginHop hop) {
        this.prompter = prompter;
        this.hop = hop;
    }

    /** The interactive methods used so far, e.g. [password, keyboard-interactive]. */
    synchronized List<String> methodsTried() {
        return new ArrayList<>(methodsTried);
    }

    synchronized boolean anyCancelled() {
        return cancelled;
    }

    /** Whether the user answered any password or keyboard-interactive question (so a failure is a wrong answer). */
    synchronized boolean secretGiven() {
        return secretGiven;
    }

    @Override
    public synchronized String getPassphrase() {
        return passphrase;
    }

    @Override
    public synchronized String getPassword() {
        return password;
    }

    @Override
    public synchronized boolean promptPassword(String message) {
        methodsTried.add("password");
        if (++passwordAttempts > MAX_ATTEMPTS) {
            return false;
        }
        Optional<String> answer = prompter.password(hop, passwordAttempts);
        password = answer.orElse(null);
        cancelled |= answer.isEmpty();
        secretGiven |= answer.isPresent();
        return answer.isPresent();
    }

    @Override
    public synchronized boolean promptPassphrase(String message) {
        // JSch names the key only inside its message: "Passphrase for <path>"
        String name = message.startsWith(PASSPHRASE_PREFIX) ? message.substring(PASSPHRASE_PREFIX.length())
                : message;
        int attempt = passphraseAttempts.merge(name, 1, Integer::sum);
        if (attempt > MAX_ATTEMPTS) {
            return false;
        }
        Path keyFile;
        try {
            keyFile = Path.of(name);
        } catch (RuntimeException notAPath) {
            keyFile = Path.of("key");
        }
        Optional<String> answer = prompter.passphrase(keyFile, attempt);
        passphrase = answer.orElse(null);
        cancelled |= answer.isEmpty();
        return answer.isPresent();
    }

    @Override
    public boolean promptYesNo(String message) {
        // host keys are decided by HostKeyVerifier; JSch asks nothing else that Tern would accept blindly
        return false;
    }

    @Override
    public void showMessage(String message) {
        prompter.banner(message);
    }

    @Override
    public synchronized String[] promptKeyboardInteractive(String destination, String name, String instruction,
                                                           String[] prompt, boolean[] echo) {
        methodsTried.add("keyboard-interactive");
        if (prompt.length == 0) {
            // an information-only round (e.g. "code accepted"): show it, there is nothing to answer
            String text = ((name == null ? "" : name) + "\n" + (instruction == null ? "" : instruction)).strip();
            if (!text.isEmpty()) {
                prompter.banner(text);
            }
            return new String[0];
        }
        if (++keyboardAttempts > MAX_ATTEMPTS) {
            return null;
        }
        List<Prompter.KeyboardPrompt> prompts = new ArrayList<>();
        for (int i = 0; i < prompt.length; i++) {
            prompts.add(new Prompter.KeyboardPrompt(prompt[i], echo != null && i < echo.length && echo[i]));
        }
        Optional<List<String>> answers = prompter.keyboardInteractive(hop.displayName(), name == null ? "" : name,
                instruction == null ? "" : instruction, List.copyOf(prompts));
        if (answers.isEmpty()) {
            cancelled = true;
            return null;
        }
        secretGiven |= prompt.length > 0;
        String[] result = new String[prompt.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = i < answers.get().size() && answers.get().get(i) != null ? answers.get().get(i) : "";
        }
        return result;
    }
}
