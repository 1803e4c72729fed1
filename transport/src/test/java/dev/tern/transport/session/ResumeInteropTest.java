package dev.tern.transport.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.testbed.MoshServer;
import dev.tern.transport.crypto.SessionKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session taken up again by a new {@link MoshSession} goes on with the same shell of the real mosh-server. */
class ResumeInteropTest {
    @TempDir
    Path dir;

    @Test
    void keysTypedAtOnceAfterAResumeAllReachTheShell() throws Exception {
        SessionJournals journals = SessionJournals.in(dir.resolve("sessions"));
        try (MoshServer server = MoshServer.plainBash()) {
            SessionJournal journal = journals.create("t", "127.0.0.1", server.port(), OptionalLong.empty());
            MoshSession first = MoshSession.start(server.address(), SessionKey.parse(server.key()), 80, 24,
                    SessionOptions.GUI, new MoshSessionListener() { }, journal);
            ScreenWait.awaitScreen(first, s -> s.contains("$"));
            MoshServerInteropTest.type(first, "X=kept; echo set-$X\r");
            ScreenWait.awaitScreen(first, s -> s.contains("set-kept"));
            first.detach();
            assertTrue(first.awaitClosed(Duration.ofSeconds(5)));
            for (int round = 0; round < 5; round++) {
                Path out = dir.resolve("out-" + round);
                MoshSession again = MoshSession.resume(journals.open(journal.id()), 80, 24, SessionOptions.GUI,
                        new MoshSessionListener() { });
                // typed at once, before the server answered, as a person types into the saved screen
                MoshServerInteropTest.type(again, "echo $X-" + round + " > " + out + "\r");
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!Files.exists(out) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(Files.exists(out), "round " + round + ": the command ran; screen:\n"
                        + again.screen());
                assertEquals("kept-" + round + "\n", Files.readString(out, StandardCharsets.UTF_8));
                again.detach();
                assertTrue(again.awaitClosed(Duration.ofSeconds(5)));
            }
        }
    }
}
