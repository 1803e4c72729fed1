package dev.tern.app.profile;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code [user@]host[:port]}, with IPv6 literals in brackets ({@code [::1]:2222}). Used by the quick-connect field
 * and for jump hosts.
 *
 * @param user empty when not given
 * @param port null when not given
 */
public record HostAddress(String user, String host, Integer port) {
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_.])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");
    private static final Pattern USER = Pattern.compile("[^\\s@:/\\\\]+");

    /** The address, or a message saying what is wrong with it. */
    public sealed interface Parsed permits Valid, Invalid {
    }

    public record Valid(HostAddress address) implements Parsed {
    }

    public record Invalid(String message) implements Parsed {
    }

    public static Optional<HostAddress> parse(String text) {
        return parseOrExplain(text) instanceof Valid(HostAddress address) ? Optional.of(address) : Optional.empty();
    }

    public static Parsed parseOrExplain(String text) {
        String rest = text == null ? "" : text.strip();
        if (rest.isEmpty()) {
            return new Invalid("Type a host, e.g. user@example.org or example.org:2222");
        }
        String user = "";
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = rest.substring(0, at);
            rest = rest.substring(at + 1);
            if (!isValidUser(user)) {
                return new Invalid("'" + user + "' is not a valid user name");
            }
        }
        String host;
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                return new Invalid("Missing ']' after the IPv6 address");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    return new Invalid("Unexpected text after ']': " + after);
                }
                portText = after.substring(1);
            }
            if (!IPV6.matcher(host).matches() || !host.contains(":")) {
                return new Invalid("'" + host + "' is not an IPv6 address");
            }
        } else {
            int colon = rest.indexOf(':');
            if (colon >= 0 && rest.indexOf(':', colon + 1) >= 0) {
                return new Invalid("Put an IPv6 address in brackets, e.g. [" + rest + "]");
            }
            host = colon >= 0 ? rest.substring(0, colon) : rest;
            portText = colon >= 0 ? rest.substring(colon + 1) : null;
            if (!isValidHostName(host)) {
                return new Invalid(host.isEmpty() ? "The host is missing" : "'" + host + "' is not a valid host name");
            }
        }
        Integer port = null;
        if (portText != null) {
            port = parsePort(portText);
            if (port == null) {
                return new Invalid("The port must be a number from 1 to 65535");
            }
        }
        return new Valid(new HostAddress(user, host, port));
    }

    public static boolean isValidHostName(String host) {
        if (host == null || host.isEmpty() || host.length() > 253) {
            return false;
        }
        if (host.contains(":")) {
            return IPV6.matcher(host).matches();
        }
        return HOST_NAME.matcher(host).matches();
    }

    public static boolean isValidUser(String user) {
        return user != null && USER.matcher(user).matches();
    }

    /** 1..65535, or null when the text is not such a number. */
    public static Integer parsePort(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > 5 || !t.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int port = Integer.parseInt(t);
        return port >= 1 && port <= 65535 ? port : null;
    }
}
