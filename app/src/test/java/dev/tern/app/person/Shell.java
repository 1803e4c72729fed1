package dev.tern.app.person;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** What a person does at a shell prompt in the focused tab, checked from the files the shell writes. */
final class Shell {
    private static final Duration PROMPT_TIMEOUT = Duration.ofSeconds(60);
    private static int probes;

    private Shell() {
    }

    /**
     * Waits until the shell in the focused tab runs what is typed, as a person waits for the prompt: types a
     * command that leaves a file, again every few seconds, until one of them does (keys typed while a session is
     * still connecting do not reach a shell).
     */
    static void awaitPrompt(XDisplay x, String tab) throws IOException {
        long deadline = System.nanoTime() + PROMPT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Path probe = Scripts.sharedFolder().resolve("prompt-" + tab + "-" + (++probes));
            x.type("touch " + probe);
            x.key("Return");
            try {
                XDisplay.waitFor("the prompt in the " + tab + " tab", Duration.ofSeconds(5),
                        () -> Files.exists(probe) ? Optional.of(true) : Optional.empty());
                return;
            } catch (AssertionError notYet) {
                x.key("ctrl+u");
            }
        }
        throw new AssertionError("no shell prompt in the " + tab + " tab after " + PROMPT_TIMEOUT.toSeconds() + " s");
    }

    /** Runs a command line and waits until the file it is expected to write exists. */
    static String runAndRead(XDisplay x, String commandLine, Path result, Duration timeout) throws IOException {
        x.type(commandLine);
        x.key("Return");
        XDisplay.waitFor(result.getFileName() + " from: " + commandLine, timeout,
                () -> Files.exists(result) ? Optional.of(true) : Optional.empty());
        return Files.readString(result);
    }
}
