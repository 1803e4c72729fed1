package dev.tern.widget.pipeline;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.emulator.ColorPalette;
import dev.tern.transport.screen.Renditions;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Our packed renditions as JediTermFX text styles, for history lines that bypass JediTermFX's parser. A screen uses
 * few distinct renditions, so styles are cached; the cache is cleared when it grows past a bound. One thread.
 */
final class RenditionStyles {
    private static final int MAX_CACHED = 4096;
    private final Map<Long, TextStyle> cache = new HashMap<>();
    /** The last style asked for: history lines mostly repeat one rendition, and this skips the boxed lookup. */
    private long lastRenditions;
    private TextStyle lastStyle;

    TextStyle style(long renditions) {
        if (lastStyle != null && renditions == lastRenditions) {
            return lastStyle;
        }
        TextStyle s = cache.get(renditions);
        if (s == null) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            s = convert(renditions);
            cache.put(renditions, s);
        }
        lastRenditions = renditions;
        lastStyle = s;
        return s;
    }

    static TextStyle convert(long r) {
        EnumSet<TextStyle.Option> options = EnumSet.noneOf(TextStyle.Option.class);
        int a = Renditions.attributes(r);
        if ((a & Renditions.BOLD) != 0) options.add(TextStyle.Option.BOLD);
        if ((a & Renditions.FAINT) != 0) options.add(TextStyle.Option.DIM);
        if ((a & Renditions.ITALIC) != 0) options.add(TextStyle.Option.ITALIC);
        if ((a & Renditions.UNDERLINED) != 0) options.add(TextStyle.Option.UNDERLINED);
        if ((a & Renditions.BLINK) != 0) options.add(TextStyle.Option.SLOW_BLINK);
        if ((a & Renditions.INVERSE) != 0) options.add(TextStyle.Option.INVERSE);
        if ((a & Renditions.INVISIBLE) != 0) options.add(TextStyle.Option.HIDDEN);
        return new TextStyle(color(Renditions.foreground(r), false), color(Renditions.background(r), true), options);
    }

    /** Null means "the default colour", which JediTermFX resolves from the scheme when painting. */
    private static TerminalColor color(int stored, boolean background) {
        if (stored == 0) {
            return null;
        }
        if (Renditions.isTrueColor(stored)) {
            int rgb = Renditions.rgb(stored);
            return TerminalColor.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
        }
        int index = Renditions.paletteIndex(stored, background);
        return index < 0 ? null : ColorPalette.getIndexedTerminalColor(index);
    }
}
