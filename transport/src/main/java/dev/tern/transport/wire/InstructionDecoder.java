package dev.tern.transport.wire;

import java.util.Optional;

/** Turns received fragments back into transport instructions: reassemble, inflate, parse, check the version. */
public final class InstructionDecoder {
    private final FragmentAssembly assembly = new FragmentAssembly();
    /** Released by its cleaner when the decoder is collected; a session holds one decoder for its whole life. */
    private final Zlib.Inflating inflating = new Zlib.Inflating();

    public Optional<TransportInstruction> add(Fragment fragment) throws DroppedInputException {
        Optional<byte[]> compressed = assembly.add(fragment);
        if (compressed.isEmpty()) {
            return Optional.empty();
        }
        TransportInstruction instruction = TransportInstruction.fromProtobuf(inflating.inflate(compressed.get()));
        if (instruction.protocolVersion() != TransportInstruction.PROTOCOL_VERSION) {
            throw new DroppedInputException(DropReason.PROTOCOL_VERSION_MISMATCH,
                    "mosh protocol version mismatch: " + instruction.protocolVersion());
        }
        return Optional.of(instruction);
    }
}
