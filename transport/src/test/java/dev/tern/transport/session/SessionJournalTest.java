package dev.tern.transport.session;

import dev.tern.transport.crypto.Direction;
import dev.tern.transport.crypto.SequenceCounter;
import dev.tern.transport.screen.Emulator;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.screen.Repertoire;
import dev.tern.transport.screen.ScreenImage;
import dev.tern.transport.wire.DatagramLayer;
import dev.tern.transport.wire.Fragment;
import dev.tern.transport.wire.Fragmenter;
import dev.tern.transport.wire.InstructionDecoder;
import dev.tern.transport.wire.Mtu;
import dev.tern.transport.wire.ReceivedFragment;
import dev.tern.transport.wire.TransportInstruction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

import static dev.tern.transport.session.RemoteTerminalStateTest.bytes;
import static dev.tern.transport.session.RemoteTerminalStateTest.hostMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session journal without sockets: a screen comes back exactly (later diffs apply to it alike), the file never
 * holds the session key, nothing goes on the wire that the journal does not hold, and an endpoint resumed from it
 * goes on above every number the earlier one used.
 */
class SessionJournalTest {
    @TempDir
    Path folder;

    @Test
    void aSavedScreenComesBackSoThatLaterDiffsApplyAlike() throws IOException {
        Emulator original = new Emulator(40, 10, Repertoire.MOSH_CLIENT);
        original.write(("\u001b]0;the title\u0007\u001b[2;8r\u001b[5;3H\u001b[1;38;5;202mbold \u4e2d\u6587 e\u0301"
                + "\u001b7\u001b[3g\u001b[20G\u001bH\u001b[?1h\u001b[?2004h\u001b[4h\u001b[7;1Hlast").getBytes(
                StandardCharsets.UTF_8));
        Framebuffer screen = original.snapshot();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScreenImage.write(screen, new DataOutputStream(bytes));
        Framebuffer back = ScreenImage.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertTrue(back.contentEquals(screen), back.screenText());
        assertEquals("the title", back.title());

        Emulator restored = ScreenImage.clientEmulator(back);
        // what a server diff may rely on beyond the visible cells: saved cursor, tab stops, scroll region, modes
        byte[] later = "\u001b8X\u001b[1;1H\t\tT\u001b[8;1H\n\n\nscrolled\u001b[?1l"
                .getBytes(StandardCharsets.UTF_8);
        original.write(later);
        restored.write(later);
        assertTrue(restored.snapshot().contentEquals(original.snapshot()), restored.snapshot().screenText());
        assertEquals(original.snapshot().applicationCursorKeys(), restored.snapshot().applicationCursorKeys());
    }

    @Test
    void aSavedCursorLeftOffAShrunkenScreenComesBackToo() throws IOException {
        Emulator original = new Emulator(40, 10, Repertoire.MOSH_CLIENT);
        original.write("\u001b[10;40H\u001b7".getBytes(StandardCharsets.US_ASCII));
        original.resize(20, 5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScreenImage.write(original.snapshot(), new DataOutputStream(bytes));
        Emulator restored = ScreenImage.clientEmulator(
                ScreenImage.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        original.write("\u001b8x".getBytes(StandardCharsets.US_ASCII));
        restored.write("\u001b8x".getBytes(StandardCharsets.US_ASCII));
        assertTrue(restored.snapshot().contentEquals(original.snapshot()), restored.snapshot().screenText());
    }

    @Test
    void aServerThatNoLongerHasTheSavedScreenEndsTheResumeInWords() throws Exception {
        try (FakeMoshServer server = new FakeMoshServer()) {
            String id;
            SessionJournals journals = SessionJournals.in(folder);
            try (SessionJournal journal = journals.create("carol@host", "127.0.0.1", server.address().getPort(),
                    OptionalLong.empty())) {
                id = journal.id();
                Wire wire = new Wire();
                ClientEndpoint client = wire.client(journal);
                wire.fromServer(client, 0, 1, hostMessage(bytes("saved")), 1);
                client.sendWhatIsDue(200);
            }
            List<CloseReason> closed = new java.util.concurrent.CopyOnWriteArrayList<>();
            MoshSession session = MoshSession.resume(journals.open(id), 80, 24, SessionOptions.GUI,
                    new MoshSessionListener() {
                        @Override
                        public void closed(CloseReason reason) {
                            closed.add(reason);
                        }
                    }, 2_000);
            TransportInstruction first = server.receiveInstruction();
            assertEquals(1, first.ackNum(), "the resumed client acknowledges the saved screen");
            // this server only diffs from a screen the journal never held
            for (long n = 100; !session.isClosed() && n < 200; n++) {
                server.sendState(77, n, first.newNum(), 77, hostMessage(bytes("lost")));
                Thread.sleep(50);
            }
            assertTrue(session.awaitClosed(java.time.Duration.ofSeconds(5)));
            CloseReason reason = closed.getFirst();
            assertEquals(CloseReason.Kind.RESUME_FAILED, reason.kind());
            assertTrue(reason.message().contains("no longer has the screen"), reason.message());
            assertTrue(Files.exists(folder.resolve(id + SessionJournals.JOURNAL)), "the journal is kept");
            assertEquals(OptionalLong.empty(), journals.list().getFirst().openIn(), "and let go of");
        }
    }

    @Test
    void aDamagedImageIsRefusedNotBelieved() {
        byte[] junk = {0, 0, 0, 1, 0, 0, 0x7f, (byte) 0xff, 0, 0, 0, 5};
        assertThrows(IOException.class, () -> ScreenImage.read(new DataInputStream(new ByteArrayInputStream(junk))));
    }

    @Test
    void theFileIsSealedUnderAPrivateKeyFileAndNeverHoldsTheSessionKey() throws Exception {
        SessionJournals journals = SessionJournals.in(folder);
        Wire wire = new Wire();
        try (SessionJournal journal = journals.create("alice@example.org", "127.0.0.1", 60001, OptionalLong.of(42))) {
            ClientEndpoint client = wire.client(journal);
            client.sendWhatIsDue(0);
            assertFalse(wire.sent.isEmpty());
            byte[] file = Files.readAllBytes(journal.file());
            byte[] key = FakeMoshServer.KEY.bytes();
            assertFalse(contains(file, key), "the session key's bytes are in the journal");
            assertFalse(contains(file, FakeMoshServer.KEY.printable().getBytes(StandardCharsets.US_ASCII)),
                    "the session key's base64 is in the journal");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    folder.resolve(SessionJournals.KEY_FILE))));
            // this process drives the session: nobody else may open it
            SessionJournals.InUseException busy = assertThrows(SessionJournals.InUseException.class,
                    () -> SessionJournals.in(folder).open(journal.id()));
            assertEquals(ProcessHandle.current().pid(), busy.pid().orElseThrow());
            // the same bytes under another id do not open
            Path renamed = folder.resolve("0badc0de" + SessionJournals.JOURNAL);
            Files.write(renamed, file);
            assertThrows(IOException.class, () -> JournalCodec.open(file, "0badc0de", wrappingKey()));
            Files.delete(renamed);
        }
        SessionJournals.Entry listed = journals.list().getFirst();
        assertEquals("alice@example.org", listed.info().label());
        assertEquals(OptionalLong.empty(), listed.openIn());
        assertEquals(OptionalLong.of(42), listed.info().serverPid());
    }

    @Test
    void nothingGoesOutThatTheJournalDoesNotHoldAndAResumeGoesOnAboveIt() throws Exception {
        Wire wire = new Wire();
        String id;
        long lastSequence;
        long lastState;
        long lastInstructionId;
        try (SessionJournal journal = SessionJournals.in(folder).create("bob@host", "127.0.0.1", 60001,
                OptionalLong.empty())) {
            id = journal.id();
            ClientEndpoint client = wire.client(journal);
            long now = 0;
            long serverNum = 0;
            for (int step = 1; step <= 40; step++) {
                now += 37;
                if (step % 3 == 0) {
                    client.type(("key" + step).getBytes(StandardCharsets.US_ASCII));
                }
                if (step % 4 == 0) {
                    long next = serverNum + 1;
                    wire.fromServer(client, serverNum, next, hostMessage(bytes("line " + step + "\r\n")), now);
                    serverNum = next;
                }
                int before = wire.sent.size();
                client.sendWhatIsDue(now);
                JournalRecord saved = JournalCodec.open(Files.readAllBytes(journal.file()), id, wrappingKey());
                for (Sent sent : wire.sent.subList(before, wire.sent.size())) {
                    assertTrue(sent.sequence() < saved.sequenceMark(), "sequence number beyond the saved mark");
                    if (sent.instruction() != null) {
                        assertTrue(sent.instruction().newNum() < saved.stateMark(), "state number beyond the mark");
                        assertTrue(sent.instructionId() < saved.instructionMark(), "instruction id beyond the mark");
                        assertEquals(saved.screenNumber(), sent.instruction().ackNum(),
                                "acknowledged a screen the journal does not hold");
                        assertEquals(saved.inputAcknowledged(), sent.instruction().throwawayNum());
                        assertEquals(client.sender().local().eventCount(), saved.inputCount(),
                                "sent input the journal does not hold");
                    }
                }
            }
            assertTrue(wire.sent.size() > 5, "too little traffic: " + wire.sent.size());
            // idle heartbeats take new state numbers below the saved mark: no save each
            now += dev.tern.transport.ssp.SspTiming.HEARTBEAT_INTERVAL;
            client.sendWhatIsDue(now); // what the last step left to send
            long savesBefore = wire.stats.get(SessionStats.Counter.JOURNAL_SAVES);
            int sentBefore = wire.sent.size();
            for (int beat = 0; beat < 10; beat++) {
                now += dev.tern.transport.ssp.SspTiming.HEARTBEAT_INTERVAL;
                client.sendWhatIsDue(now);
            }
            assertEquals(sentBefore + 10, wire.sent.size());
            assertEquals(savesBefore, wire.stats.get(SessionStats.Counter.JOURNAL_SAVES), "a save per heartbeat");
            Sent last = wire.sent.getLast();
            lastSequence = wire.sent.stream().mapToLong(Sent::sequence).max().orElseThrow();
            lastState = wire.sent.stream().filter(s -> s.instruction() != null)
                    .mapToLong(s -> s.instruction().newNum()).max().orElseThrow();
            lastInstructionId = wire.sent.stream().mapToLong(Sent::instructionId).max().orElseThrow();
            assertTrue(last.instruction() == null || last.instruction().ackNum() == serverNum);
        }

        // a new process: everything from the journal, nothing it used before
        try (SessionJournal journal = SessionJournals.in(folder).open(id)) {
            Wire resumedWire = new Wire();
            ClientEndpoint resumed = resumedWire.resumedClient(journal);
            assertTrue(resumed.latestRemoteState().state().screen().screenText().contains("line 40"));
            assertFalse(resumed.connected());
            resumed.sendWhatIsDue(0);
            Sent first = resumedWire.sent.getFirst();
            assertTrue(first.sequence() > lastSequence);
            assertTrue(first.instruction().newNum() > lastState);
            assertTrue(first.instructionId() > lastInstructionId);
            assertEquals(40 / 4, first.instruction().ackNum());
            // the server's next diff is against the saved screen
            resumedWire.fromServer(resumed, 10, 11, hostMessage(bytes("after resume")), 5);
            assertTrue(resumed.connected());
            assertTrue(resumed.latestRemoteState().state().screen().screenText().contains("after resume"));
        }
    }

    private byte[] wrappingKey() throws IOException {
        return Files.readAllBytes(folder.resolve(SessionJournals.KEY_FILE));
    }

    /** Byte for byte: ISO-8859-1 maps every byte to one char, so a string search is an exact byte search. */
    private static boolean contains(byte[] haystack, byte[] needle) {
        return new String(haystack, java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(new String(needle, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** One datagram the client sent: its sequence number, and the instruction it completed (null if none). */
    record Sent(long sequence, long instructionId, TransportInstruction instruction) {
    }

    /** The server's end of the wire, in memory. */
    private static final class Wire {
        final List<Sent> sent = new ArrayList<>();
        final SessionStats stats = new SessionStats();
        private final DatagramLayer serverLayer = new DatagramLayer(FakeMoshServer.KEY, Direction.TO_CLIENT,
                new SequenceCounter());
        private final InstructionDecoder decoder = new InstructionDecoder();
        private final Fragmenter serverFragmenter = new Fragmenter();

        ClientEndpoint client(SessionJournal journal) {
            ClientEndpoint client = new ClientEndpoint(FakeMoshServer.KEY, 80, 24, Mtu.IPV4_DATAGRAM, 0,
                    new Random(1), this::capture, stats);
            client.keepJournal(journal);
            return client;
        }

        ClientEndpoint resumedClient(SessionJournal journal) {
            return ClientEndpoint.resumed(journal, 80, 24, Mtu.IPV4_DATAGRAM, 0, new Random(2), this::capture,
                    new SessionStats());
        }

        private void capture(byte[] datagram) {
            try {
                ReceivedFragment fragment = serverLayer.open(datagram, datagram.length, 0);
                Optional<TransportInstruction> instruction = decoder.add(fragment.fragment());
                sent.add(new Sent(fragment.sequence(), fragment.fragment().instructionId(), instruction.orElse(null)));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        void fromServer(ClientEndpoint client, long oldNum, long newNum, byte[] diff, long now) {
            TransportInstruction instruction = new TransportInstruction(2, oldNum, newNum, 0, oldNum, diff,
                    new byte[0]);
            for (Fragment f : serverFragmenter.fragment(instruction, Mtu.fragmentPayload(Mtu.IPV4_DATAGRAM))) {
                byte[] datagram = serverLayer.seal(f, now);
                assertTrue(client.receive(datagram, datagram.length, now));
            }
        }
    }
}
