package dev.tern.app.profile;

import java.util.UUID;

/**
 * A saved connection. Never holds a secret: a password the user asked to remember lives in the OS keychain under
 * this profile's {@code id}; {@code rememberPassword} only says to look there.
 *
 * @param id               stable identity (survives renames; keys open tabs and keychain entries)
 * @param group            folder in the sidebar; blank for the top level
 * @param port             SSH port; null means the default (22, or what ~/.ssh/config says)
 * @param user             login name; blank means the local user name or ~/.ssh/config's
 * @param keyFile          private key path when {@code auth} is {@link AuthMethod#KEY_FILE}
 * @param jumpHost         {@code [user@]host[:port]} of a bastion (ProxyJump); blank for none
 * @param startupCommand   run on the remote shell once connected (for local tabs: in the local shell)
 */
public record Profile(String id, String name, String group, ConnectionKind kind, String host, Integer port,
                      String user, AuthMethod auth, String keyFile, String jumpHost, boolean rememberPassword,
                      MoshOptions mosh, String startupCommand, TerminalOptions terminal) {

    public Profile {
        id = id == null || id.isBlank() ? newId() : id;
        name = Texts.orEmpty(name);
        group = Texts.orEmpty(group);
        kind = kind == null ? ConnectionKind.MOSH : kind;
        host = Texts.orEmpty(host);
        user = Texts.orEmpty(user);
        // a profile saved without a method (hand-written, or schema 1 without a key file) logs in as ssh would
        auth = auth == null ? AuthMethod.AUTOMATIC : auth;
        keyFile = Texts.orEmpty(keyFile);
        jumpHost = Texts.orEmpty(jumpHost);
        mosh = mosh == null ? MoshOptions.DEFAULTS : mosh;
        startupCommand = startupCommand == null ? "" : startupCommand;
        terminal = terminal == null ? TerminalOptions.DEFAULTS : terminal;
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A remote profile with default options. */
    public static Profile remote(String name, String group, ConnectionKind kind, String user, String host,
                                 Integer port) {
        return new Profile(null, name, group, kind, host, port, user, AuthMethod.AUTOMATIC, "", "", false,
                MoshOptions.DEFAULTS, "", TerminalOptions.DEFAULTS);
    }

    /** A local-shell profile. */
    public static Profile local(String name) {
        return new Profile(null, name, "", ConnectionKind.LOCAL, "", null, "", AuthMethod.AUTOMATIC, "", "", false,
                MoshOptions.DEFAULTS, "", TerminalOptions.DEFAULTS);
    }

    /** {@code user@host:port} as far as known, for subtitles and tooltips. */
    public String target() {
        if (kind == ConnectionKind.LOCAL) {
            return "local shell";
        }
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return (user.isEmpty() ? "" : user + "@") + shownHost + (port == null ? "" : ":" + port);
    }

    public Profile withName(String newName) {
        return new Profile(id, newName, group, kind, host, port, user, auth, keyFile, jumpHost, rememberPassword,
                mosh, startupCommand, terminal);
    }

    public Profile withGroup(String newGroup) {
        return new Profile(id, name, newGroup, kind, host, port, user, auth, keyFile, jumpHost, rememberPassword,
                mosh, startupCommand, terminal);
    }

    /** A copy under a new identity (duplicate); never inherits the keychain entry, so it forgets "remember". */
    public Profile duplicate(String newName) {
        return new Profile(newId(), newName, group, kind, host, port, user, auth, keyFile, jumpHost, false, mosh,
                startupCommand, terminal);
    }

    /** This profile under another id (imports that collide with an existing one). */
    public Profile withId(String newId) {
        return new Profile(newId, name, group, kind, host, port, user, auth, keyFile, jumpHost, rememberPassword,
                mosh, startupCommand, terminal);
    }
}
