package dev.tern.app.ui.dialogs;

import dev.tern.app.session.LoginPrompts;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The passwords one profile remembers, each bound to the hop ({@code user@host:port}) it was typed for, as one
 * keychain value (so deleting the profile's entry forgets them all). A value without the header is a password
 * typed into the profile editor: it belongs to the profile's target and is offered to no jump host.
 */
final class HopSecrets {
    private static final String HEADER = "tern-hop-secrets-1";
    /** Where the editor's password is kept among the bound ones: no real hop key is empty. */
    private static final String EDITOR = "";

    private final Map<String, String> byHop;

    private HopSecrets(Map<String, String> byHop) {
        this.byHop = byHop;
    }

    static HopSecrets decode(Optional<String> stored) {
        Map<String, String> byHop = new LinkedHashMap<>();
        if (stored.isEmpty()) {
            return new HopSecrets(byHop);
        }
        String value = stored.get();
        if (!value.startsWith(HEADER + "\n")) {
            byHop.put(EDITOR, value);
            return new HopSecrets(byHop);
        }
        Base64.Decoder base64 = Base64.getDecoder();
        for (String line : value.substring(HEADER.length() + 1).split("\n")) {
            String[] parts = line.split(" ", -1);
            if (parts.length != 2) {
                continue; // a damaged line forgets that one secret; the user is asked again
            }
            try {
                byHop.put(new String(base64.decode(parts[0]), StandardCharsets.UTF_8),
                        new String(base64.decode(parts[1]), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException damaged) {
                // as above
            }
        }
        return new HopSecrets(byHop);
    }

    /** The secret for this hop: its own, or the editor's password when the hop is the target. */
    Optional<String> secretFor(LoginPrompts.Hop hop) {
        String own = byHop.get(hop.key());
        if (own != null) {
            return Optional.of(own);
        }
        return hop.target() ? Optional.ofNullable(byHop.get(EDITOR)) : Optional.empty();
    }

    /** These secrets with {@code secret} kept for {@code hop}; the target's own replaces the editor's password. */
    HopSecrets with(LoginPrompts.Hop hop, String secret) {
        Map<String, String> next = new LinkedHashMap<>(byHop);
        if (hop.target()) {
            next.remove(EDITOR);
        }
        next.put(hop.key(), secret);
        return new HopSecrets(next);
    }

    /** The keychain value; an editor password alone keeps the plain form the profile editor writes. */
    String encode() {
        if (byHop.isEmpty()) {
            return "";
        }
        if (byHop.size() == 1 && byHop.containsKey(EDITOR)) {
            return byHop.get(EDITOR);
        }
        StringBuilder out = new StringBuilder(HEADER);
        Base64.Encoder base64 = Base64.getEncoder();
        byHop.forEach((key, secret) -> out.append('\n').append(base64.encodeToString(key.getBytes(
                StandardCharsets.UTF_8))).append(' ').append(base64.encodeToString(secret.getBytes(
                StandardCharsets.UTF_8))));
        return out.toString();
    }
}
