/**
 * Speculative local echo and connection notices, as mosh 1.4.0's client overlays behave
 * (docs/TERMINAL.md §6 and §7).
 *
 * <p>{@link dev.tern.transport.predict.EchoPredictor} guesses the effect of each typed byte and judges its
 * guesses against every new server frame using the server's echo ack;
 * {@link dev.tern.transport.predict.NoticeBoard} keeps the connection's times and the status message, from which the
 * notice is computed when asked for;
 * {@link dev.tern.transport.predict.OverlayComposer} turns the newest server frame into the frame to display.
 * Nothing here reads a real clock directly: every class takes a {@link dev.tern.transport.predict.MillisClock}.
 */
package dev.tern.transport.predict;
