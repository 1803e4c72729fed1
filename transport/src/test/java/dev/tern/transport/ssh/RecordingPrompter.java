package dev.tern.transport.ssh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A scripted {@link Prompter} for tests: fixed answers, and a record of every question asked. */
final class RecordingPrompter implements Prompter {
    final List<String> passwordsAsked = Collections.synchronizedList(new ArrayList<>());
    /** Every password question as the transport named its hop, with the attempt and the answer given. */
    final List<PasswordQuestion> passwordQuestions = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> passphraseAttempts = Collections.synchronizedList(new ArrayList<>());
    final List<List<KeyboardPrompt>> keyboardRequests = Collections.synchronizedList(new ArrayList<>());
    final List<UnknownHostKey> hostKeysAsked = Collections.synchronizedList(new ArrayList<>());

    private List<String> passwords = List.of();
    private java.util.Map<String, String> passwordsByHop;
    private List<String> passphrases = List.of();
    private List<String> keyboardAnswers = List.of();
    private Predicate<UnknownHostKey> hostKeyAnswer = key -> false;
    private List<List<String>> keyboardScript;
    final List<String> banners = Collections.synchronizedList(new ArrayList<>());

    /** Answers password questions with these, in order, then cancels. */
    RecordingPrompter passwords(String... values) {
        passwords = List.of(values);
        return this;
    }

    /**
     * Answers each hop's first password question with the secret kept under its {@link LoginHop#key()}, if any,
     * as a remembered password is offered once; later attempts are cancelled.
     */
    RecordingPrompter passwordsByHop(java.util.Map<String, String> secrets) {
        passwordsByHop = java.util.Map.copyOf(secrets);
        return this;
    }

    RecordingPrompter passphrases(String... values) {
        passphrases = List.of(values);
        return this;
    }

    /** Answers every prompt of a keyboard-interactive request with these, request after request, then cancels. */
    RecordingPrompter keyboardAnswers(String... values) {
        keyboardAnswers = List.of(values);
        return this;
    }

    /** Answers keyboard-interactive requests with one list of answers each, in order, then cancels. */
    RecordingPrompter keyboardScript(List<List<String>> answers) {
        keyboardScript = answers;
        return this;
    }

    @Override
    public void banner(String text) {
        banners.add(text);
    }

    RecordingPrompter acceptHostKeys(boolean accept) {
        hostKeyAnswer = key -> accept;
        return this;
    }

    @Override
    public Optional<String> password(String userAtHost, int attempt) {
        passwordsAsked.add(userAtHost);
        return attempt <= passwords.size() ? Optional.of(passwords.get(attempt - 1)) : Optional.empty();
    }

    @Override
    public Optional<String> password(LoginHop hop, int attempt) {
        Optional<String> answer = passwordsByHop != null ? Optional.ofNullable(passwordsByHop.get(hop.key()))
                .filter(secret -> attempt == 1)
                : password(hop.displayName(), attempt);
        passwordQuestions.add(new PasswordQuestion(hop, attempt, answer));
        return answer;
    }

    record PasswordQuestion(LoginHop hop, int attempt, Optional<String> answer) {
    }

    @Override
    public Optional<String> passphrase(Path keyFile, int attempt) {
        passphraseAttempts.add(attempt);
        return attempt <= passphrases.size() ? Optional.of(passphrases.get(attempt - 1)) : Optional.empty();
    }

    @Override
    public Optional<List<String>> keyboardInteractive(String userAtHost, String name, String instruction,
                                                      List<KeyboardPrompt> prompts) {
        keyboardRequests.add(prompts);
        int request = keyboardRequests.size();
        if (keyboardScript != null) {
            return request <= keyboardScript.size() ? Optional.of(keyboardScript.get(request - 1)) : Optional.empty();
        }
        if (request > keyboardAnswers.size()) {
            return Optional.empty();
        }
        String answer = keyboardAnswers.get(request - 1);
        return Optional.of(prompts.stream().map(prompt -> answer).toList());
    }

    @Override
    public boolean acceptUnknownHostKey(UnknownHostKey key) {
        hostKeysAsked.add(key);
        return hostKeyAnswer.test(key);
    }
}
