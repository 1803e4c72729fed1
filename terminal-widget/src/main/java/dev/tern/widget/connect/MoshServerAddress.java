package dev.tern.widget.connect;

import dev.tern.transport.ssh.MoshEndpoint;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Where a started mosh-server listens and its session key (secret: never logged).
 *
 * @param udpTarget numeric address and port for the datagrams
 * @param key       the 22-character base64 key mosh-server printed
 * @param serverPid the server's pid on its host, when it said (kept in the session journal, for ending it later)
 */
public record MoshServerAddress(InetSocketAddress udpTarget, String key, OptionalLong serverPid) {
    public MoshServerAddress {
        Objects.requireNonNull(serverPid, "serverPid");
    }

    public MoshServerAddress(InetSocketAddress udpTarget, String key) {
        this(udpTarget, key, OptionalLong.empty());
    }

    public static MoshServerAddress of(MoshEndpoint endpoint) {
        return new MoshServerAddress(endpoint.udpTarget(), endpoint.key(), endpoint.serverPid());
    }

    @Override
    public String toString() {
        return "MoshServerAddress[" + udpTarget + ", key=<hidden>]";
    }
}
