package dev.tern.widget.connect;

import dev.tern.transport.ssh.MoshEndpoint;

import java.net.InetSocketAddress;

/**
 * Where a started mosh-server listens and its session key (secret: never logged).
 *
 * @param udpTarget numeric address and port for the datagrams
 * @param key       the 22-character base64 key mosh-server printed
 */
public record MoshServerAddress(InetSocketAddress udpTarget, String key) {
    public static MoshServerAddress of(MoshEndpoint endpoint) {
        return new MoshServerAddress(endpoint.udpTarget(), endpoint.key());
    }

    @Override
    public String toString() {
        return "MoshServerAddress[" + udpTarget + ", key=<hidden>]";
    }
}
