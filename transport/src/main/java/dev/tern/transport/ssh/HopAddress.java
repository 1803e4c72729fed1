package dev.tern.transport.ssh;

import java.util.Optional;

/**
 * One ProxyJump hop or command-line destination: {@code [user@]host[:port]}, {@code [user@][v6addr]:port} or
 * {@code ssh://[user@]host[:port]}.
 */
public record HopAddress(Optional<String> user, String host, Optional<Integer> port) {

    /** Parses a hop; empty when it is malformed. */
    public static Optional<HopAddress> parse(String text) {
        String rest = text.strip();
        if (rest.startsWith("ssh://")) {
            rest = rest.substring("ssh://".length());
            if (rest.endsWith("/")) {
                rest = rest.substring(0, rest.length() - 1);
            }
        }
        Optional<String> user = Optional.empty();
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            if (at == 0) {
                return Optional.empty();
            }
            user = Optional.of(rest.substring(0, at));
            rest = rest.substring(at + 1);
        }
        String host;
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    return Optional.empty();
                }
                portText = after.substring(1);
            }
        } else {
            int colon = rest.indexOf(':');
            // more than one colon: a bare IPv6 address, which cannot carry a port without brackets
            if (colon >= 0 && rest.indexOf(':', colon + 1) < 0) {
                host = rest.substring(0, colon);
                portText = rest.substring(colon + 1);
            } else {
                host = rest;
            }
        }
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        Optional<Integer> port = Optional.empty();
        if (portText != null) {
            try {
                int value = Integer.parseInt(portText);
                if (value < 1 || value > 65535) {
                    return Optional.empty();
                }
                port = Optional.of(value);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new HopAddress(user, host, port));
    }
}
