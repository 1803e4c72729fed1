package dev.tern.transport.ssh;

import java.util.Locale;
import java.util.Optional;

/**
 * What to do with a host key that is not yet known. A <em>changed</em> key is refused under every policy: Tern
 * offers no bypass for it.
 */
public enum StrictHostKeyChecking {
    /** Refuse unknown hosts; keys must already be in a known_hosts file. */
    YES,
    /** Ask through the {@link Prompter}, showing the SHA-256 fingerprint; record the key when accepted. */
    ASK,
    /** Record unknown keys without asking. */
    ACCEPT_NEW,
    /** As {@link #ACCEPT_NEW} (OpenSSH's "no" also connects with a changed key; Tern never does). */
    NO;

    /** Parses the ssh_config spelling: yes, ask, accept-new, no, off. */
    public static Optional<StrictHostKeyChecking> parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> Optional.of(YES);
            case "ask" -> Optional.of(ASK);
            case "accept-new" -> Optional.of(ACCEPT_NEW);
            case "no", "off", "false" -> Optional.of(NO);
            default -> Optional.empty();
        };
    }
}
