package dev.tern.app.person;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tern.app.profile.ConnectionKind;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A person opens a profile and starts typing at once, while the SSH login and (for Mosh) the server start are
 * still under way: every key reaches the shell, in order (they were dropped, or reached it in part).
 */
@ExtendWith(TestBed.class)
class TypingAheadIT extends PersonTest {
    @Test
    void keysTypedWhileAMoshTabConnectsReachTheShell(SshServer server) throws Exception {
        typeWhileConnecting(server, ConnectionKind.MOSH, "ahead mosh");
    }

    @Test
    void keysTypedWhileAnSshTabConnectsReachTheShell(SshServer server) throws Exception {
        typeWhileConnecting(server, ConnectionKind.SSH, "ahead ssh");
    }

    private void typeWhileConnecting(SshServer server, ConnectionKind kind, String name) throws Exception {
        Path result = Scripts.sharedFolder().resolve(name.replace(' ', '-') + ".txt");
        Files.deleteIfExists(result);
        Desk desk = new Desk(dir).trusting(server).withProfiles(Desk.testbed(name, kind, server));
        try (TernProcess tern = desk.startTern(x)) {
            KeyDifferentialIT.openProfileOn(x, tern, name);
            x.type("echo typed-ahead > " + result);
            x.key("Return");
            XDisplay.waitFor("the command typed while connecting", Duration.ofSeconds(60),
                    () -> Files.exists(result) ? Optional.of(true) : Optional.empty());
            Thread.sleep(300);
            assertEquals("typed-ahead\n", Files.readString(result));
            assertEquals(List.of(), tern.loggedExceptions(), "exceptions in Tern's log");
        }
    }
}
