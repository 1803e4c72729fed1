package dev.tern.transport.ssh;

import java.util.Optional;

/** The UDP port (or range) mosh-server may bind, given to it as {@code -p PORT} or {@code -p LOW:HIGH}. */
public record UdpPortRange(int low, int high) {

    public UdpPortRange {
        if (low < 1 || high > 65535 || low > high) {
            throw new IllegalArgumentException("bad UDP port range " + low + ":" + high
                    + " (ports are 1-65535, low <= high)");
        }
    }

    public static UdpPortRange single(int port) {
        return new UdpPortRange(port, port);
    }

    /** Parses "60001" or "60001:60010" (also "60001-60010"); empty when malformed. */
    public static Optional<UdpPortRange> parse(String text) {
        String[] parts = text.strip().split("[:-]", -1);
        try {
            if (parts.length == 1) {
                return Optional.of(single(Integer.parseInt(parts[0])));
            }
            if (parts.length == 2) {
                return Optional.of(new UdpPortRange(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
            }
        } catch (IllegalArgumentException malformed) {
            // NumberFormatException included
        }
        return Optional.empty();
    }

    /** The {@code -p} argument. */
    public String argument() {
        return low == high ? Integer.toString(low) : low + ":" + high;
    }
}
