package dev.tern.transport.predict;

import dev.tern.transport.screen.Framebuffer;

/**
 * A client loop in miniature: keystrokes go out in numbered states, server frames come back with an echo ack,
 * and each display composes the newest server frame with the overlays, as mosh-client does.
 */
final class Rig {
    final FakeClock clock = new FakeClock(1_000_000);
    final OverlayComposer composer;
    Framebuffer server;
    Framebuffer displayed;
    long sent;
    int sendInterval;

    Rig(Framebuffer initial, int sendInterval, PredictionSettings settings) {
        composer = new OverlayComposer(clock, settings);
        composer.setDrawBar(false);
        this.sendInterval = sendInterval;
        server = initial;
        serverFrame(initial, 0);
    }

    EchoPredictor engine() {
        return composer.predictions();
    }

    /** Types keys (one stdin read) and sends them in the next client state; returns the display after it. */
    Framebuffer type(String keys) {
        composer.userInput(Screens.keys(keys), sent, server);
        sent++;
        return display();
    }

    /** A new server frame arrives, echo-acking client states up to {@code echoAck}. */
    Framebuffer serverFrame(Framebuffer frame, long echoAck) {
        server = frame;
        composer.serverUpdate(clock.millis(), clock.millis(), sent, sendInterval, echoAck);
        return display();
    }

    Framebuffer display() {
        displayed = composer.compose(server);
        return displayed;
    }
}
