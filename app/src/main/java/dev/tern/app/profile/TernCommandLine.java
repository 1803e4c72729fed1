package dev.tern.app.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A profile as a command line to paste into a terminal: {@code tern ...} (mosh's option names) for Mosh profiles,
 * {@code ssh ...} for SSH profiles (the {@code tern} CLI speaks only Mosh). POSIX shell quoting.
 */
public final class TernCommandLine {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private TernCommandLine() {
    }

    /** The command line, or empty for a local-shell profile. */
    public static Optional<String> render(Profile profile) {
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
        words.add(destination(profile));
        addStartupCommand(profile, words);
        return join(words);
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
        words.add(destination(profile));
        if (!profile.startupCommand().isBlank()) {
            words.add(profile.startupCommand().strip() + "; exec \"$SHELL\" -l");
        }
        return join(words);
    }

    private static void addSshIdentityAndJump(Profile profile, List<String> words) {
        if (profile.auth() == AuthMethod.KEY_FILE && !profile.keyFile().isEmpty()) {
            words.add("-i");
            words.add(profile.keyFile());
        }
        if (!profile.jumpHost().isEmpty()) {
            words.add("-J");
            words.add(profile.jumpHost());
        }
    }

    private static void addStartupCommand(Profile profile, List<String> words) {
        if (!profile.startupCommand().isBlank()) {
            // mosh runs "-- command" instead of the login shell; keep a shell afterwards, as a startup command means
            words.add("--");
            words.add("sh");
            words.add("-c");
            words.add(profile.startupCommand().strip() + "; exec \"$SHELL\" -l");
        }
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
