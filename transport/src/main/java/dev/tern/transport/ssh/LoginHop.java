package dev.tern.transport.ssh;

/**
 * The hop of a connection that asks a login question: a jump host or the target. A remembered secret belongs to
 * exactly one hop, so prompters key secrets by {@link #key()} and never hand one hop's secret to another.
 *
 * @param user   the login name on this hop
 * @param host   the name or address connected to (after ssh_config's HostName)
 * @param port   the SSH port
 * @param target true for the last hop (the destination), false for a jump host
 */
public record LoginHop(String user, String host, int port, boolean target) {

    static LoginHop of(ConnectSpec spec, boolean target) {
        return new LoginHop(spec.user(), spec.hostName(), spec.port(), target);
    }

    /** {@code user@host:port}, port always written: the identity a secret is kept under. */
    public String key() {
        return user + "@" + bracketed() + ":" + port;
    }

    /** {@code user@host}, with {@code :port} only when it is not 22, for questions shown to the user. */
    public String displayName() {
        return user + "@" + bracketed() + (port == 22 ? "" : ":" + port);
    }

    private String bracketed() {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
