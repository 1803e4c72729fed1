package dev.tern.transport.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a session journal says about its session, readable without resuming it: for lists ("tern --sessions") and
 * for telling the user which session is meant.
 *
 * @param id          the journal's name in its folder
 * @param label       who and where, e.g. {@code alice@example.org}
 * @param serverHost  the numeric address datagrams go to
 * @param serverPort  the UDP port datagrams go to
 * @param serverPid   the mosh-server's pid on its host, when known
 * @param started     when the session began (wall clock)
 * @param lastContact when the server was last heard from, as of the newest save; empty before the first contact
 */
public record JournalInfo(String id, String label, String serverHost, int serverPort, OptionalLong serverPid,
                          Instant started, Optional<Instant> lastContact) {
    public JournalInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(serverHost, "serverHost");
        Objects.requireNonNull(serverPid, "serverPid");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(lastContact, "lastContact");
    }

    JournalInfo withLastContact(Optional<Instant> value) {
        return new JournalInfo(id, label, serverHost, serverPort, serverPid, started, value);
    }
}
