package dev.tern.widget;

import java.util.List;

/**
 * The colours of a terminal: default foreground and background, the 16 ANSI colours (0–7 normal, 8–15 bright),
 * the cursor-independent selection colours. Palette entries 16–255 are xterm's fixed cube and grey ramp, and true
 * colour passes through unchanged, so a scheme only needs these.
 *
 * @param ansi 16 colours as 0xRRGGBB
 */
public record ColorScheme(String name, int foreground, int background, List<Integer> ansi, int selectionForeground,
                          int selectionBackground) {
    public ColorScheme {
        ansi = List.copyOf(ansi);
        if (ansi.size() != 16) {
            throw new IllegalArgumentException("a scheme needs 16 ANSI colours, got " + ansi.size());
        }
    }

    /** Light text on a near-black background (Tango-like palette, readable on LCDs and projectors). */
    public static final ColorScheme DARK = new ColorScheme("Dark", 0xD0D0D0, 0x1C1C1C, List.of(
            0x000000, 0xCC3333, 0x4E9A06, 0xC4A000, 0x3465A4, 0xA347BA, 0x06989A, 0xD3D7CF,
            0x555753, 0xEF2929, 0x8AE234, 0xFCE94F, 0x729FCF, 0xAD7FA8, 0x34E2E2, 0xEEEEEC),
            0x1C1C1C, 0xB0C4DE);

    /** Dark text on white; the yellows and cyans are darkened so that they stay legible on white. */
    public static final ColorScheme LIGHT = new ColorScheme("Light", 0x1E1E1E, 0xFFFFFF, List.of(
            0x000000, 0xC91B00, 0x00A600, 0x8F7A00, 0x0225C7, 0xB400B4, 0x008B8B, 0xBFBFBF,
            0x686868, 0xFF6E67, 0x3CB371, 0xB8860B, 0x6871FF, 0xFF77FF, 0x00A5A5, 0xFFFFFF),
            0x000000, 0xADD6FF);

    public static List<ColorScheme> builtIn() {
        return List.of(DARK, LIGHT);
    }
}
