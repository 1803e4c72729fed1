package dev.tern.transport.ssh;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How to start mosh-server and where to send UDP. Defaults match the official wrapper: {@code mosh-server}, 256
 * colours, bound to the SSH connection's server address ({@code -s}), any port in 60001-60999, the login shell.
 *
 * @param serverCommand   the remote program, not quoted, so "sudo -u x mosh-server" or an absolute path work
 * @param locale          the preferred LANG (e.g. the client's); the preflight falls back to one the server has
 * @param serverPorts     the {@code -p} port or range; for a relay/NAT, the port the forward points at
 * @param bindAddress     empty: bind to the SSH connection's server address ({@code -s}); "any": all
 *                        interfaces; else an IP for {@code -i} (a relay agent may forward UDP to another interface)
 * @param udpHost         send UDP here instead of the address SSH reached (relay or NAT host)
 * @param udpPort         send UDP to this port instead of the one mosh-server bound (the relay's public port)
 * @param command         run this instead of the login shell (each word quoted for the remote shell)
 * @param networkTimeout  sets MOSH_SERVER_NETWORK_TMOUT so an abandoned server exits by itself
 * @param localePreflight run {@code locale -a} first to pick a locale the server has
 * @param timeout         how long to wait for the MOSH CONNECT line
 */
public record MoshServerOptions(String serverCommand, int colors, Optional<String> locale,
                                Optional<UdpPortRange> serverPorts, Optional<String> bindAddress,
                                Optional<String> udpHost, Optional<Integer> udpPort, List<String> command,
                                Optional<Duration> networkTimeout, boolean localePreflight, Duration timeout) {

    public static final String DEFAULT_SERVER_COMMAND = "mosh-server";

    public MoshServerOptions {
        if (serverCommand == null || serverCommand.isBlank()) {
            serverCommand = DEFAULT_SERVER_COMMAND;
        }
        command = List.copyOf(command);
        if (udpPort.isPresent() && (udpPort.get() < 1 || udpPort.get() > 65535)) {
            throw new IllegalArgumentException("bad UDP port " + udpPort.get());
        }
    }

    public static MoshServerOptions defaults() {
        return new MoshServerOptions(DEFAULT_SERVER_COMMAND, 256, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), true,
                Duration.ofSeconds(20));
    }

    public MoshServerOptions withServerCommand(String value) {
        return new MoshServerOptions(value, colors, locale, serverPorts, bindAddress, udpHost, udpPort, command,
                networkTimeout, localePreflight, timeout);
    }

    public MoshServerOptions withColors(int value) {
        return new MoshServerOptions(serverCommand, value, locale, serverPorts, bindAddress, udpHost, udpPort,
                command, networkTimeout, localePreflight, timeout);
    }

    public MoshServerOptions withLocale(String value) {
        return new MoshServerOptions(serverCommand, colors, Optional.ofNullable(value), serverPorts, bindAddress,
                udpHost, udpPort, command, networkTimeout, localePreflight, timeout);
    }

    public MoshServerOptions withServerPorts(UdpPortRange value) {
        return new MoshServerOptions(serverCommand, colors, locale, Optional.ofNullable(value), bindAddress,
                udpHost, udpPort, command, networkTimeout, localePreflight, timeout);
    }

    public MoshServerOptions withBindAddress(String value) {
        return new MoshServerOptions(serverCommand, colors, locale, serverPorts, Optional.ofNullable(value),
                udpHost, udpPort, command, networkTimeout, localePreflight, timeout);
    }

    public MoshServerOptions withUdpHost(String value) {
        return new MoshServerOptions(serverCommand, colors, locale, serverPorts, bindAddress,
                Optional.ofNullable(value), udpPort, command, networkTimeout, localePreflight, timeout);
    }

    public MoshServerOptions withUdpPort(Integer value) {
        return new MoshServerOptions(serverCommand, colors, locale, serverPorts, bindAddress, udpHost,
                Optional.ofNullable(value), command, networkTimeout, localePreflight, timeout);
    }

    public MoshServerOptions withCommand(List<String> value) {
        return new MoshServerOptions(serverCommand, colors, locale, serverPorts, bindAddress, udpHost, udpPort,
                value, networkTimeout, localePreflight, timeout);
    }

    public MoshServerOptions withNetworkTimeout(Duration value) {
        return new MoshServerOptions(serverCommand, colors, locale, serverPorts, bindAddress, udpHost, udpPort,
                command, Optional.ofNullable(value), localePreflight, timeout);
    }

    public MoshServerOptions withLocalePreflight(boolean value) {
        return new MoshServerOptions(serverCommand, colors, locale, serverPorts, bindAddress, udpHost, udpPort,
                command, networkTimeout, value, timeout);
    }

    public MoshServerOptions withTimeout(Duration value) {
        return new MoshServerOptions(serverCommand, colors, locale, serverPorts, bindAddress, udpHost, udpPort,
                command, networkTimeout, localePreflight, value);
    }
}
