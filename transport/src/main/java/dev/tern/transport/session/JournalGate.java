package dev.tern.transport.session;

import dev.tern.transport.wire.TransportInstruction;

import java.io.IOException;

/**
 * Keeps a session's journal ahead of the wire: nothing leaves that a process resuming from the journal could
 * contradict. Before an instruction goes out, the journal must already hold
 * <ul>
 *   <li>marks above its sequence numbers, its state number and its instruction id (a resumed process starts at the
 *       marks, so no nonce, state number or fragment id is used twice);</li>
 *   <li>the server screen it acknowledges (the server may then forget every older one), and the input state its
 *       throwaway number names (the server may forget every older one);</li>
 *   <li>the input it carries (the server requires every later input state to extend it).</li>
 * </ul>
 * When any of these is behind, the journal is saved first, with the marks a block ahead, so most instructions
 * need no save: writes come at the sender's pace (acks at most every {@link dev.tern.transport.ssp.SspTiming#ACK_HOLD}
 * ms in a flood, one per sent keystroke batch while typing), never per received datagram.
 *
 * <p>If the journal cannot be written, it is deleted and the session goes on without one (it can no longer be
 * resumed, and nothing it sends depends on the journal any more).
 */
final class JournalGate {
    /** How far ahead of use the marks are saved. */
    static final long SEQUENCE_BLOCK = 4096;
    static final long STATE_BLOCK = 1024;
    static final long INSTRUCTION_BLOCK = 1024;

    private final SessionJournal journal;
    private final SessionStats stats;
    private long sequenceMark;
    private long stateMark;
    private long instructionMark;
    private long screenNumber;
    private long inputAcknowledged;
    private long inputCount;
    private boolean savedOnce;
    private boolean broken;

    JournalGate(SessionJournal journal, SessionStats stats) {
        this.journal = journal;
        this.stats = stats;
    }

    /** A gate over a journal read back from disk: what it holds is durable already. */
    static JournalGate resumed(SessionJournal journal, JournalRecord saved, SessionStats stats) {
        JournalGate gate = new JournalGate(journal, stats);
        gate.sequenceMark = saved.sequenceMark();
        gate.stateMark = saved.stateMark();
        gate.instructionMark = saved.instructionMark();
        gate.screenNumber = saved.screenNumber();
        gate.inputAcknowledged = saved.inputAcknowledged();
        gate.inputCount = saved.inputCount();
        gate.savedOnce = true;
        return gate;
    }

    /** What the endpoint would save now, given the marks to save with. */
    interface Snapshot {
        JournalRecord record(long sequenceMark, long stateMark, long instructionMark);
    }

    /**
     * Saves the journal if the instruction about to go out, as {@code datagrams} datagrams starting at sequence
     * number {@code nextSequence}, needs something it does not hold yet.
     */
    void beforeSend(TransportInstruction instruction, int datagrams, long nextSequence, long instructionId,
                    long localInputCount, Snapshot snapshot) {
        if (broken || instruction.ackNum() == TransportInstruction.SHUTDOWN
                || instruction.newNum() == TransportInstruction.SHUTDOWN) {
            return; // the session is ending: its journal is about to go
        }
        boolean behind = !savedOnce
                || nextSequence + datagrams > sequenceMark
                || instructionId >= instructionMark
                || Long.compareUnsigned(instruction.newNum(), stateMark) >= 0
                || instruction.ackNum() != screenNumber
                || instruction.throwawayNum() != inputAcknowledged
                || localInputCount != inputCount;
        if (!behind) {
            return;
        }
        long newSequenceMark = Math.max(sequenceMark, nextSequence + datagrams + SEQUENCE_BLOCK);
        long newStateMark = Long.compareUnsigned(instruction.newNum(), stateMark) >= 0
                ? instruction.newNum() + 1 + STATE_BLOCK : stateMark;
        long newInstructionMark = instructionId >= instructionMark ? instructionId + 1 + INSTRUCTION_BLOCK
                : instructionMark;
        JournalRecord record = snapshot.record(newSequenceMark, newStateMark, newInstructionMark);
        try {
            journal.save(record);
        } catch (IOException | RuntimeException e) {
            broken = true;
            stats.count(SessionStats.Counter.JOURNAL_FAILURES);
            journal.delete();
            return;
        }
        stats.count(SessionStats.Counter.JOURNAL_SAVES);
        savedOnce = true;
        sequenceMark = newSequenceMark;
        stateMark = newStateMark;
        instructionMark = newInstructionMark;
        screenNumber = record.screenNumber();
        inputAcknowledged = record.inputAcknowledged();
        inputCount = record.inputCount();
    }

    boolean broken() {
        return broken;
    }

    SessionJournal journal() {
        return journal;
    }
}
