package dev.tern.transport.session;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.tern.transport.proto.HostInputProto;
import dev.tern.transport.screen.Emulator;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.screen.ScreenImage;
import dev.tern.transport.ssp.IncomingState;
import dev.tern.transport.wire.DropReason;
import dev.tern.transport.wire.DroppedInputException;

/**
 * One state of the server's terminal as the client holds it (mosh's {@code Terminal::Complete}): an emulator
 * that has replayed the server's host bytes, and the echo ack. Never mutated once built: a diff is applied to a
 * copy, so every held state stays an exact base for the diffs the server may send against it.
 */
public final class RemoteTerminalState implements IncomingState<RemoteTerminalState> {
    /** Resizes beyond this many cells are refused as hostile rather than risk running out of memory. */
    static final long MAX_CELLS = 4L * 1024 * 1024;
    static final int MAX_SIDE = 65_535;

    private final Emulator emulator;
    private final long echoAck;

    private RemoteTerminalState(Emulator emulator, long echoAck) {
        this.emulator = emulator;
        this.echoAck = echoAck;
    }

    /** State 0: a blank terminal of the client's window size. */
    public static RemoteTerminalState blank(int width, int height) {
        return new RemoteTerminalState(new Emulator(width, height), 0);
    }

    /** A state saved by an earlier process: its screen and echo ack. */
    static RemoteTerminalState restored(Framebuffer screen, long echoAck) {
        return new RemoteTerminalState(ScreenImage.clientEmulator(screen), echoAck);
    }

    @Override
    public RemoteTerminalState apply(byte[] diff) throws DroppedInputException {
        HostInputProto.HostMessage message;
        try {
            message = HostInputProto.HostMessage.parseFrom(diff);
        } catch (InvalidProtocolBufferException e) {
            throw new DroppedInputException(DropReason.MALFORMED_DIFF, "host message does not parse");
        }
        for (HostInputProto.Instruction i : message.getInstructionList()) {
            if (i.hasResize() && !plausibleSize(i.getResize().getWidth(), i.getResize().getHeight())) {
                throw new DroppedInputException(DropReason.MALFORMED_DIFF, "implausible terminal size");
            }
        }
        Emulator next = emulator.copy();
        long ack = echoAck;
        try {
            for (HostInputProto.Instruction i : message.getInstructionList()) {
                if (i.hasHostbytes()) {
                    next.write(i.getHostbytes().getHoststring().toByteArray());
                    next.takeReplies(); // the server never queries the client; replies are dropped as in mosh
                } else if (i.hasResize()) {
                    next.resize(i.getResize().getWidth(), i.getResize().getHeight());
                } else if (i.hasEchoack()) {
                    ack = Math.max(ack, i.getEchoack().getEchoAckNum());
                }
            }
        } catch (RuntimeException e) {
            // an emulator fault on some input must cost one state, not the session; this state is untouched
            throw new DroppedInputException(DropReason.MALFORMED_DIFF, "emulator failed: " + e);
        }
        return new RemoteTerminalState(next, ack);
    }

    private static boolean plausibleSize(int width, int height) {
        return width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE
                && (long) width * height <= MAX_CELLS;
    }

    /** A read-only copy of the screen, safe to hand to another thread. */
    public Framebuffer screen() {
        return emulator.snapshot();
    }

    public long echoAck() {
        return echoAck;
    }

    /** The state's emulator itself, for drawing overlays on a copy; never to be written to. */
    Emulator emulator() {
        return emulator;
    }
}
