package dev.tern.transport.session;

import dev.tern.transport.screen.Framebuffer;

import java.util.List;

/**
 * Everything a new process needs to go on with a session whose client process ended (docs/PROTOCOL.md §11): the
 * key and address, the marks below which every sequence number, state number and instruction id may already have
 * been used, the server screen our acknowledgements name, and our input since the server last acknowledged it.
 *
 * @param sequenceMark     no datagram of this session was sealed with a sequence number at or above this
 * @param stateMark        no input state number at or above this was sent
 * @param instructionMark  no instruction id at or above this was sent
 * @param screenNumber     the server state every acknowledgement sent so far names (or an older one)
 * @param inputAcknowledged the input state number the server acknowledged, which every throwaway number sent names
 * @param inputBase        how many input events that acknowledged state holds
 * @param inputEvents      the events after it, up to the newest input state ever sent
 */
record JournalRecord(JournalInfo info, byte[] key, long sequenceMark, long stateMark, long instructionMark,
                     long screenNumber, long screenEchoAck, Framebuffer screen, long inputAcknowledged,
                     long inputBase, List<UserStream.Event> inputEvents) {
    long inputCount() {
        long count = inputBase;
        for (UserStream.Event event : inputEvents) {
            count += event.isResize() ? 1 : event.keys().length;
        }
        return count;
    }
}
