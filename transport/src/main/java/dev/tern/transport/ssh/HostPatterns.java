package dev.tern.transport.ssh;

import java.util.List;
import java.util.Locale;

/**
 * OpenSSH host pattern lists, as used by {@code Host} lines and known_hosts host fields: {@code *} and {@code ?}
 * wildcards, a leading {@code !} negates, and one negated match vetoes the whole list.
 */
final class HostPatterns {
    private HostPatterns() {
    }

    /** True when {@code name} matches at least one positive pattern and no negated one. */
    static boolean matches(List<String> patterns, String name) {
        boolean matched = false;
        for (String pattern : patterns) {
            if (pattern.startsWith("!")) {
                if (wildcardMatches(pattern.substring(1), name)) {
                    return false;
                }
            } else if (wildcardMatches(pattern, name)) {
                matched = true;
            }
        }
        return matched;
    }

    /** Case-insensitive glob with {@code *} (any run) and {@code ?} (one character). */
    static boolean wildcardMatches(String pattern, String name) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String n = name.toLowerCase(Locale.ROOT);
        int pi = 0;
        int ni = 0;
        int starAt = -1;
        int resumeAt = 0;
        while (ni < n.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == n.charAt(ni))) {
                pi++;
                ni++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                starAt = pi++;
                resumeAt = ni;
            } else if (starAt >= 0) {
                pi = starAt + 1;
                ni = ++resumeAt;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
