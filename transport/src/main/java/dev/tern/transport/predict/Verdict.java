package dev.tern.transport.predict;

/** What a server frame says about one guess. */
enum Verdict {
    /** The server has not held the keystroke long enough for its echo to be in this frame: ask again later. */
    WAITING,
    /** The frame shows what was guessed: the guess's epoch is proven and may be shown. */
    CONFIRMED,
    /** The frame agrees, but the guess would have agreed anyway (a blank, an unknown, what was already there). */
    HARMLESS,
    /** The frame contradicts the guess, or the guess lies outside the screen. */
    WRONG
}
