package dev.tern.app.profile;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings only Mosh tabs use.
 *
 * @param serverCommand    the remote command that starts the server; blank means {@code mosh-server}
 * @param udpPorts         the server's UDP port or range ({@code 60001} or {@code 60001:60010}); blank means any
 * @param udpHostOverride  connect UDP to this host instead of the SSH host (a relay or NAT address); blank: none
 * @param udpPortOverride  send UDP to this port instead of the one mosh-server bound (port translation); null: none
 * @param prediction       speculative local echo; null: the app-wide default from Settings
 * @param predictOverwrite predictions overwrite instead of insert ({@code --predict-overwrite})
 * @param locale           the LANG/LC_ALL asked of the server, e.g. {@code C.UTF-8}; blank: the client's own
 * @param serverTimeoutSeconds a new server ends by itself after this many seconds without its client
 *                         ({@code MOSH_SERVER_NETWORK_TMOUT}); 0: never; null: {@link #DEFAULT_SERVER_TIMEOUT}
 */
public record MoshOptions(String serverCommand, String udpPorts, String udpHostOverride, Integer udpPortOverride,
                          PredictionMode prediction, boolean predictOverwrite, String locale,
                          Long serverTimeoutSeconds, Integer historyMegabytes) {

    /** Complete history keeps at most this much of a session's output on the server (docs/ARCHITECTURE.md §13). */
    public static final int DEFAULT_HISTORY_MEGABYTES = 10;
    public static final int MAX_HISTORY_MEGABYTES = 1000;

    /** An abandoned server (its client crashed and was never resumed) ends by itself after a week. */
    public static final Duration DEFAULT_SERVER_TIMEOUT = Duration.ofDays(7);
    /** mosh-server reads the variable as an int. */
    public static final long MAX_SERVER_TIMEOUT_SECONDS = Integer.MAX_VALUE;
    private static final Pattern TIMEOUT_TEXT = Pattern.compile("(\\d{1,12})\\s*([dhms]?)");

    public static final MoshOptions DEFAULTS = new MoshOptions("", "", "", null, null, false, "");

    /** Options with the default server timeout. */
    public MoshOptions(String serverCommand, String udpPorts, String udpHostOverride, Integer udpPortOverride,
                       PredictionMode prediction, boolean predictOverwrite, String locale) {
        this(serverCommand, udpPorts, udpHostOverride, udpPortOverride, prediction, predictOverwrite, locale, null);
    }

    /** Options with complete history on, at its default bound. */
    public MoshOptions(String serverCommand, String udpPorts, String udpHostOverride, Integer udpPortOverride,
                       PredictionMode prediction, boolean predictOverwrite, String locale,
                       Long serverTimeoutSeconds) {
        this(serverCommand, udpPorts, udpHostOverride, udpPortOverride, prediction, predictOverwrite, locale,
                serverTimeoutSeconds, null);
    }

    /**
     * How many bytes of a session's output the server keeps for the tab's complete history; empty when the
     * profile turned complete history off ({@code historyMegabytes} 0). Null means the default, on.
     */
    public java.util.OptionalLong historyBoundBytes() {
        int mb = historyMegabytes == null ? DEFAULT_HISTORY_MEGABYTES
                : Math.min(MAX_HISTORY_MEGABYTES, historyMegabytes);
        return mb <= 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(mb * 1_000_000L);
    }

    /** The same options with complete history off ({@code 0}), on at the default ({@code null}) or bounded. */
    public MoshOptions withHistoryMegabytes(Integer megabytes) {
        return new MoshOptions(serverCommand, udpPorts, udpHostOverride, udpPortOverride, prediction,
                predictOverwrite, locale, serverTimeoutSeconds, megabytes);
    }

    public MoshOptions {
        serverCommand = Texts.orEmpty(serverCommand);
        udpPorts = Texts.orEmpty(udpPorts);
        udpHostOverride = Texts.orEmpty(udpHostOverride);
        locale = Texts.orEmpty(locale);
    }

    /** How long a new server outlives its vanished client; empty: forever (the variable is not set). */
    public Optional<Duration> serverTimeout() {
        if (serverTimeoutSeconds == null) {
            return Optional.of(DEFAULT_SERVER_TIMEOUT);
        }
        return serverTimeoutSeconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(serverTimeoutSeconds));
    }

    /** The same options with {@code seconds} as the server timeout (null: the default). */
    public MoshOptions withServerTimeoutSeconds(Long seconds) {
        return new MoshOptions(serverCommand, udpPorts, udpHostOverride, udpPortOverride, prediction,
                predictOverwrite, locale, seconds, historyMegabytes);
    }

    /**
     * A server timeout as the editor shows it: blank for the default, {@code never}, or the largest whole unit
     * ({@code 7d}, {@code 12h}, {@code 90m}, {@code 45s}).
     */
    public static String formatServerTimeout(Long seconds) {
        if (seconds == null) {
            return "";
        }
        if (seconds == 0) {
            return "never";
        }
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    /**
     * Reads what {@link #formatServerTimeout} writes (a bare number means days): null for blank (the default), 0 for
     * {@code never} or {@code 0}, and -1 for text that is not a time, which the validator names.
     */
    public static Long parseServerTimeout(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return null;
        }
        if (t.equals("never")) {
            return 0L;
        }
        Matcher m = TIMEOUT_TEXT.matcher(t);
        if (!m.matches()) {
            return -1L;
        }
        long unit = switch (m.group(2)) {
            case "h" -> 3_600L;
            case "m" -> 60L;
            case "s" -> 1L;
            default -> 86_400L;
        };
        return Long.parseLong(m.group(1)) * unit;
    }

    /** The local echo mode in effect: the profile's own, else the app-wide default. */
    public PredictionMode prediction(AppSettings defaults) {
        return prediction != null ? prediction : defaults.prediction();
    }
}
