package dev.tern.transport.ssh;

import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;

/**
 * A started mosh-server, ready for the UDP session.
 *
 * @param udpTarget      where the client sends its datagrams (numeric address)
 * @param serverPort     the UDP port mosh-server bound on the server (differs from the target's port behind a relay)
 * @param key            the 22-character base64 session key; secret: never log it
 * @param serverPid      the detached mosh-server's pid, when it printed one (for cleanup)
 * @param locale         the LANG mosh-server was started with
 * @param targetSource   how {@code udpTarget}'s address was chosen
 * @param serverMessages other lines the server printed (shell startup noise, warnings), for diagnostics
 */
public record MoshEndpoint(InetSocketAddress udpTarget, int serverPort, String key, OptionalLong serverPid,
                           String locale, UdpTargetSource targetSource, List<String> serverMessages) {

    public MoshEndpoint {
        serverMessages = List.copyOf(serverMessages);
    }

    /** Where the UDP target's address came from. */
    public enum UdpTargetSource {
        /** The address the SSH connection reached: mosh's default. */
        SSH_CONNECTION,
        /** The profile's UDP host override (relay, NAT). */
        OVERRIDE,
        /** Through jump hosts: the target's host name resolved on this machine. */
        LOCAL_RESOLUTION
    }

    /** The 16 key bytes (the base64 text without its "==" padding). */
    public byte[] keyBytes() {
        return Base64.getDecoder().decode(key + "==");
    }

    @Override
    public String toString() {
        return "MoshEndpoint[udpTarget=" + udpTarget + ", serverPort=" + serverPort + ", key=<hidden>, serverPid="
                + serverPid + ", locale=" + locale + ", targetSource=" + targetSource + "]";
    }
}
