package dev.tern.transport.predict;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The notice as a pure function of what is on show: the status message, the quiet spell if any, and the quit hint.
 * Words and formats match mosh-client 1.4.0's bar (docs/TERMINAL.md §7.3), so a user sees the same sentences.
 */
final class NoticeWording {
    /** Longer texts are cut, as mosh-client's bar is. */
    static final int MAX_CHARS = 127;
    private static final String PREFIX = "mosh: ";

    private NoticeWording() {
    }

    /**
     * @param message  the message on show, empty for none
     * @param quiet    the quiet spell, if the link has been quiet long enough to count
     * @param quitHint the quit hint to end with, empty for none
     * @return the notice, or empty when there is neither a message nor a quiet spell
     */
    static Optional<Notice> notice(String message, Optional<QuietSpell> quiet, String quitHint) {
        if (message.isEmpty() && quiet.isEmpty()) {
            return Optional.empty();
        }
        String text = cut(PREFIX + sentence(message, quiet) + quitHint);
        return Optional.of(new Notice(text, message, quiet.map(q -> Duration.ofMillis(q.millis())),
                quiet.map(QuietSpell::side), quitHint.strip()));
    }

    private static String sentence(String message, Optional<QuietSpell> quiet) {
        if (quiet.isEmpty()) {
            return message;
        }
        QuietSpell q = quiet.get();
        if (message.isEmpty()) {
            return "Last " + q.side().word() + " " + span(q.seconds(), false) + " ago.";
        }
        return message + " (" + span(q.seconds(), true) + " without " + q.side().word() + ".)";
    }

    /** {@code N seconds} (or {@code N s} when brief) under a minute, then {@code M:SS}, then {@code H:MM:SS}. */
    static String span(int seconds, boolean brief) {
        if (seconds < 60) {
            return seconds + (brief ? " s" : " seconds");
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static String cut(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_CHARS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_CHARS));
    }
}
