package dev.tern.transport.screen;

import java.util.List;

/** Mosh's {@code Display::new_frame}: the bytes that turn a terminal showing one frame into showing another. */
public final class FrameRenderer {
    private final boolean hasEcma48CharacterRepeat;

    /**
     * @param hasEcma48CharacterRepeat mosh's Display flag; {@code false} is the server role (no scroll detection
     *                                 ... see spec §3.1)
     */
    public FrameRenderer(boolean hasEcma48CharacterRepeat) {
        this.hasEcma48CharacterRepeat = hasEcma48CharacterRepeat;
    }

    public String newFrame(boolean initialized, Framebuffer last, Framebuffer next) {
        return render(initialized, last, next).bytes();
    }

    public RenderResult render(boolean initialized, Framebuffer last, Framebuffer next) {
        return new RenderResult("", List.of());
    }
}
