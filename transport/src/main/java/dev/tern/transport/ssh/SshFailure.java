package dev.tern.transport.ssh;

/** Why connecting, logging in or starting mosh-server failed; each kind has its own advice in the message. */
public enum SshFailure {
    /** The host name did not resolve. */
    UNKNOWN_HOST,
    /** Nothing listens on the port (TCP reset). */
    CONNECTION_REFUSED,
    /** No answer within the connect timeout. */
    CONNECTION_TIMED_OUT,
    /** No route to the host or the network is down. */
    NETWORK_UNREACHABLE,
    /** The peer closed the connection before or during the SSH handshake. */
    CONNECTION_CLOSED,
    /** The host key is not known and was not accepted (declined, or StrictHostKeyChecking=yes). */
    HOST_KEY_NOT_ACCEPTED,
    /** The host key differs from the recorded one; never bypassed. */
    HOST_KEY_CHANGED,
    /** The recorded host key could not be checked or stored (unreadable known_hosts, ...). */
    HOST_KEY_STORE,
    /** The server refused every credential offered. */
    AUTH_FAILED,
    /** The user cancelled a prompt and nothing else worked. */
    AUTH_CANCELLED,
    /** A private key file could not be read or is in an unsupported format. */
    KEY_UNREADABLE,
    /** A jump host could not open the forwarded connection to the next hop. */
    JUMP_FAILED,
    /** Bad settings: an unparsable ProxyJump, a loop of jump hosts, ... */
    CONFIG_ERROR,
    /** Any other SSH protocol failure (no common algorithm, broken connection, ...). */
    PROTOCOL,
    /** The server command (mosh-server) was not found on the remote PATH. */
    MOSH_SERVER_NOT_FOUND,
    /** mosh-server found no UTF-8 locale. */
    MOSH_LOCALE,
    /** mosh-server could not bind a UDP port (all taken, or a bad range). */
    MOSH_PORT,
    /** mosh-server ran but printed no MOSH CONNECT line. */
    MOSH_NO_CONNECT_LINE
}
