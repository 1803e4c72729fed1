package dev.tern.app.cli;

import dev.tern.testbed.Tmux;
import java.time.Duration;
import java.util.regex.Pattern;

/** What a person types into a remote shell in the CLI tests, paced as a person would. */
final class Typing {
    private Typing() {
    }

    /** Writes {@code text} into {@code path} with vi, then shows the file with cat and waits for it on screen. */
    static void writeFileWithVi(Tmux tmux, String path, String text, Duration patience) {
        tmux.type("vi -u NONE " + path);
        tmux.sendKeys("Enter");
        tmux.waitForText("~", patience);
        tmux.type("i" + text);
        tmux.sendKeys("Escape");
        tmux.type(":wq");
        tmux.sendKeys("Enter");
        // vim may discard type-ahead while it hands the terminal back: let it exit first
        pause(Duration.ofMillis(800));
        tmux.type("cat " + path);
        tmux.sendKeys("Enter");
        tmux.waitForLine(Pattern.compile(Pattern.quote(text) + "\\s*"), patience);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
