package dev.tern.transport.session;

import dev.tern.transport.screen.Framebuffer;

/**
 * The newest server state: its screen (an immutable snapshot), its state number, and the echo ack (the newest
 * of our input states whose effects it already shows, for local echo prediction).
 */
public record RemoteScreen(Framebuffer framebuffer, long stateNumber, long echoAck, long acknowledgedInputState) {
}
