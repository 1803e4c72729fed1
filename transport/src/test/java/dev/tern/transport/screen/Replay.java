package dev.tern.transport.screen;

/** Builds client-side emulators the way a Mosh client gets them: by applying server-rendered bytes. */
final class Replay {
    private Replay() {
    }

    /** A Mosh-client emulator that received a full repaint of {@code state} (initialized = false). */
    static Emulator clientHolding(Framebuffer state) {
        Emulator client = new Emulator(state.width(), state.height(), Repertoire.MOSH_CLIENT);
        String repaint = FrameRenderer.serverRole().bytesFor(false, new Framebuffer(state.width(), state.height()), state);
        client.write(Vt.utf8(repaint));
        return client;
    }
}
