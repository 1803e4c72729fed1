package dev.tern.app.cli;

import dev.tern.transport.ssh.Prompter;
import dev.tern.transport.ssh.UnknownHostKey;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Asks the SSH login's questions on the terminal, like ssh does, before the session takes the screen over. */
final class ConsolePrompter implements Prompter {
    private final Console console = System.console();
    private final PrintStream err;
    private final BufferedReader fallbackReader = new BufferedReader(new InputStreamReader(System.in,
            StandardCharsets.UTF_8));

    private Runnable beforeFirstQuestion;

    ConsolePrompter(PrintStream err) {
        this(err, () -> { });
    }

    /**
     * @param beforeFirstQuestion runs once before the first question: the client opens its terminal meanwhile, and
     *                            that must be done before a question changes the terminal's modes (a password is
     *                            read without echo; a terminal opened then would restore "no echo" on exit)
     */
    ConsolePrompter(PrintStream err, Runnable beforeFirstQuestion) {
        this.err = err;
        this.beforeFirstQuestion = beforeFirstQuestion;
    }

    private void settle() {
        Runnable hook = beforeFirstQuestion;
        beforeFirstQuestion = null;
        if (hook != null) {
            hook.run();
        }
    }

    @Override
    public Optional<String> password(String userAtHost, int attempt) {
        settle();
        if (attempt > 1) {
            err.println("Permission denied, please try again.");
        }
        return secret(userAtHost + "'s password: ");
    }

    @Override
    public Optional<String> passphrase(Path keyFile, int attempt) {
        settle();
        if (attempt > 1) {
            err.println("Wrong passphrase, please try again.");
        }
        return secret("Enter passphrase for key '" + keyFile + "': ");
    }

    @Override
    public Optional<List<String>> keyboardInteractive(String userAtHost, String name, String instruction,
                                                      List<KeyboardPrompt> prompts) {
        settle();
        // the name, the instruction and the questions come from the server: printed as text, never as commands
        if (!name.isBlank()) {
            err.println(RemoteText.printable(name));
        }
        if (!instruction.isBlank()) {
            err.println(RemoteText.printable(instruction));
        }
        List<String> answers = new ArrayList<>();
        for (KeyboardPrompt prompt : prompts) {
            String question = RemoteText.printable(prompt.text());
            Optional<String> answer = prompt.echo() ? line(question) : secret(question);
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            answers.add(answer.get());
        }
        return Optional.of(answers);
    }

    @Override
    public boolean acceptUnknownHostKey(UnknownHostKey key) {
        settle();
        err.println(RemoteText.printable(key.question())); // it quotes the host name the server is known by
        while (true) {
            Optional<String> answer = line("Are you sure you want to continue connecting (yes/no)? ");
            if (answer.isEmpty() || answer.get().equalsIgnoreCase("no")) {
                return false;
            }
            if (answer.get().equalsIgnoreCase("yes")) {
                return true;
            }
            err.println("Please type 'yes' or 'no'.");
        }
    }

    @Override
    public void banner(String text) {
        settle();
        err.print(RemoteText.printable(text));
        err.flush();
    }

    private Optional<String> secret(String prompt) {
        if (console != null) {
            char[] value = console.readPassword("%s", prompt);
            return value == null ? Optional.empty() : Optional.of(new String(value));
        }
        return line(prompt);
    }

    private Optional<String> line(String prompt) {
        err.print(prompt);
        err.flush();
        try {
            String value = console != null ? console.readLine() : fallbackReader.readLine();
            return Optional.ofNullable(value);
        } catch (IOException | java.io.IOError e) {
            return Optional.empty();
        }
    }
}
