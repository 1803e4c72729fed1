package dev.tern.app.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A profile as a command line to paste into a terminal: {@code tern ...} (mosh's option names) for Mosh profiles,
 * {@code ssh ...} for SSH profiles (the {@code tern} CLI speaks only Mosh). POSIX shell quoting; the destination
 * follows {@code --}, so nothing in a profile can become an option of the command.
 */
public final class TernCommandLine {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private TernCommandLine() {
    }

    /**
     * The command line; empty for a local-shell profile, and for a profile whose user, host or jump hosts are no
     * names a command line can carry (one starting with '-', or with spaces or control characters: OpenSSH refuses
     * those too).
     */
    public static Optional<String> render(Profile profile) {
        if (profile.kind() != ConnectionKind.LOCAL && !carriesSafely(profile)) {
            return Optional.empty();
        }
        return switch (profile.kind()) {
            case MOSH -> Optional.of(mosh(profile));
            case SSH -> Optional.of(ssh(profile));
            case LOCAL -> Optional.empty();
        };
    }

    private static String mosh(Profile profile) {
        List<String> words = new ArrayList<>();
        MoshOptions mosh = profile.mosh();
        if (!mosh.locale().isEmpty()) {
            // mosh-server takes its locale from the client's environment
            words.add("LC_ALL=" + mosh.locale());
        }
        words.add("tern");
        // a profile that follows the app's default says nothing (the command line has no app settings)
        if (mosh.prediction() != null && mosh.prediction() != PredictionMode.ADAPTIVE) {
            words.add("--predict=" + mosh.prediction().optionValue());
        }
        if (mosh.predictOverwrite()) {
            words.add("--predict-overwrite");
        }
        if (!mosh.udpPorts().isEmpty()) {
            words.add("-p");
            words.add(mosh.udpPorts());
        }
        if (!mosh.serverCommand().isEmpty()) {
            words.add("--server=" + mosh.serverCommand());
        }
        if (profile.port() != null) {
            words.add("--ssh-port");
            words.add(String.valueOf(profile.port()));
        }
        addSshIdentityAndJump(profile, words);
        words.add("--");
        words.add(destination(profile));
        if (!profile.startupCommand().isBlank()) {
            // mosh runs these words instead of the login shell
            words.addAll(moshStartupCommand(profile.startupCommand()));
        }
        return join(words);
    }

    /**
     * The program mosh-server runs for a startup command: the command, then a login shell, as a startup command
     * means. The command is an argument of its own that sh evaluates whole, so whatever it ends with (a comment, a
     * trailing {@code &}, an open quote) cannot swallow or break the shell that follows.
     */
    public static List<String> moshStartupCommand(String startupCommand) {
        return List.of("sh", "-c", "eval \"$1\"; exec \"${SHELL:-/bin/sh}\" -l", "sh", startupCommand.strip());
    }

    private static String ssh(Profile profile) {
        List<String> words = new ArrayList<>();
        words.add("ssh");
        if (profile.port() != null) {
            words.add("-p");
            words.add(String.valueOf(profile.port()));
        }
        addSshIdentityAndJump(profile, words);
        if (!profile.startupCommand().isBlank()) {
            words.add("-t");
        }
        words.add("--");
        words.add(destination(profile));
        if (!profile.startupCommand().isBlank()) {
            // the remote login shell runs it, as if typed there (what the app's SSH tab does); on a line of its own,
            // so a comment or a trailing '&' in it ends there and the shell still follows
            words.add(profile.startupCommand().strip() + "\nexec \"$SHELL\" -l");
        }
        return join(words);
    }

    private static void addSshIdentityAndJump(Profile profile, List<String> words) {
        if (profile.auth() == AuthMethod.KEY_FILE && !profile.keyFile().isEmpty()) {
            words.add("-i");
            // the same file, but a word a parser cannot take for an option
            words.add(profile.keyFile().startsWith("-") ? "./" + profile.keyFile() : profile.keyFile());
        }
        if (!profile.jumpHost().isEmpty()) {
            words.add("-J");
            words.add(profile.jumpHost());
        }
    }

    private static boolean carriesSafely(Profile profile) {
        if (!isPlainName(profile.host()) || !profile.user().isEmpty() && !isPlainName(profile.user())) {
            return false;
        }
        if (profile.jumpHost().isEmpty()) {
            return true;
        }
        for (String hop : profile.jumpHost().split(",")) {
            if (!isPlainName(hop.strip())) {
                return false;
            }
        }
        return true;
    }

    /** Not empty, not an option, no blanks or control characters. */
    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.startsWith("-") && name.chars().noneMatch(c -> c <= ' ' || c == 0x7F);
    }

    private static String destination(Profile profile) {
        return profile.user().isEmpty() ? profile.host() : profile.user() + "@" + profile.host();
    }

    private static String join(List<String> words) {
        return String.join(" ", words.stream().map(TernCommandLine::quote).toList());
    }

    /** The word as POSIX sh reads it back unchanged. */
    static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        int eq = word.indexOf('=');
        if (word.startsWith("--") && eq > 0 && SAFE.matcher(word.substring(0, eq + 1)).matches()) {
            return word.substring(0, eq + 1) + quote(word.substring(eq + 1));
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
