package dev.tern.transport.predict;

/**
 * When and under which epoch a guess was made.
 *
 * @param epoch     the guess stays hidden until an epoch at least this one is confirmed ({@link Epochs})
 * @param carriedBy number of the first client state that carries the keystroke; the guess can be judged once the
 *                  server's echo ack reaches it
 * @param madeAt    clock millis when the guess was made, to tell late echoes from quick ones
 */
record Stamp(long epoch, long carriedBy, long madeAt) {
}
