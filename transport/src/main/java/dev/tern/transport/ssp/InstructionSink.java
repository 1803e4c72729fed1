package dev.tern.transport.ssp;

import dev.tern.transport.wire.TransportInstruction;

/** Where the sender puts instructions: in a session, fragmenting, sealing and writing them to the socket. */
@FunctionalInterface
public interface InstructionSink {
    void send(TransportInstruction instruction);
}
