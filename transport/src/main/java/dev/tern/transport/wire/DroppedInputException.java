package dev.tern.transport.wire;

/** Input that must be ignored, with the reason it will be counted under. Cheap: no stack trace. */
public final class DroppedInputException extends Exception {
    private final DropReason reason;

    public DroppedInputException(DropReason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public DropReason reason() {
        return reason;
    }
}
