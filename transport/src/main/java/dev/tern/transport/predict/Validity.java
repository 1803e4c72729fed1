package dev.tern.transport.predict;

/** The verdict on one prediction against a server frame. */
enum Validity {
    /** Not a prediction at all. */
    INACTIVE,
    /** The server has not had the keystroke long enough for its echo to be in this frame. */
    PENDING,
    /** The frame shows what was predicted: confirms the prediction's epoch. */
    CORRECT,
    /** Consistent with the frame but proves nothing (blank, unknown, or already there before). */
    CORRECT_NO_CREDIT,
    /** The frame contradicts the prediction, or it lies outside the screen. */
    INCORRECT_OR_EXPIRED
}
