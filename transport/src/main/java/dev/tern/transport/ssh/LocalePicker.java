package dev.tern.transport.ssh;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the {@code LANG} value for mosh-server from what {@code locale -a} lists on the server: the user's own
 * UTF-8 locale when the server has it, else C.UTF-8, else en_US.UTF-8, else any UTF-8 locale. mosh-server refuses
 * to start without a UTF-8 locale, and a locale the server lacks fails just the same.
 */
final class LocalePicker {
    static final String FALLBACK = "C.UTF-8";

    private LocalePicker() {
    }

    /**
     * @param available the lines of {@code locale -a}, or empty when it could not be run
     * @param preferred the user's locale (e.g. the client's LANG), if any
     */
    static String pick(Optional<List<String>> available, Optional<String> preferred) {
        if (available.isEmpty() || available.get().isEmpty()) {
            return FALLBACK; // without the list, the one locale nearly every Linux has is the safest bet
        }
        List<String> names = available.get().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (preferred.isPresent() && isUtf8(preferred.get())) {
            String wanted = normalize(preferred.get());
            if (names.stream().anyMatch(name -> normalize(name).equals(wanted))) {
                return preferred.get();
            }
        }
        if (names.stream().anyMatch(name -> normalize(name).equals("c.utf8"))) {
            return FALLBACK;
        }
        if (names.stream().anyMatch(name -> normalize(name).equals("en_us.utf8"))) {
            return "en_US.UTF-8";
        }
        return names.stream().filter(LocalePicker::isUtf8).findFirst().orElse(FALLBACK);
    }

    static boolean isUtf8(String locale) {
        String normalized = normalize(locale);
        int dot = normalized.indexOf('.');
        return dot >= 0 && normalized.substring(dot + 1).startsWith("utf8");
    }

    /** glibc treats "en_US.UTF-8" and "en_US.utf8" alike: compare case-insensitively without the hyphen. */
    private static String normalize(String locale) {
        String lower = locale.strip().toLowerCase(Locale.ROOT);
        int dot = lower.indexOf('.');
        return dot < 0 ? lower : lower.substring(0, dot + 1) + lower.substring(dot + 1).replace("-", "");
    }
}
