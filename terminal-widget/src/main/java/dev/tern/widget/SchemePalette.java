package dev.tern.widget;

import com.techsenger.jeditermfx.core.Color;
import com.techsenger.jeditermfx.core.emulator.ColorPalette;

import java.util.function.Supplier;

/** JediTermFX's 16-colour palette, read from whichever scheme is current so that a scheme change shows at once. */
final class SchemePalette extends ColorPalette {
    private final Supplier<ColorScheme> scheme;

    SchemePalette(Supplier<ColorScheme> scheme) {
        this.scheme = scheme;
    }

    @Override
    protected Color getForegroundByColorIndex(int colorIndex) {
        return new Color(scheme.get().ansi().get(colorIndex));
    }

    @Override
    protected Color getBackgroundByColorIndex(int colorIndex) {
        return new Color(scheme.get().ansi().get(colorIndex));
    }
}
