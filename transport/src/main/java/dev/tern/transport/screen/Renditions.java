package dev.tern.transport.screen;

/**
 * Mosh's rendition triple (foreground, background, attributes), packed into one {@code long} so that a row can
 * store its renditions in a primitive array.
 *
 * <p>Layout: bits 0..24 foreground, bits 25..49 background, bits 50..57 attributes. Colour values use mosh's stored
 * encoding (docs/TERMINAL.md §2.1): 0 default; 30..37 palette 0..7 (40..47 for backgrounds); 38..285 palette 8..255
 * (48..295 for backgrounds); {@code 0x1000000 | rgb} true colour.
 */
public final class Renditions {
    public static final int BOLD = 1, FAINT = 2, ITALIC = 4, UNDERLINED = 8, BLINK = 16, INVERSE = 32, INVISIBLE = 64;
    public static final int TRUE_COLOR = 0x1000000;
    static final int COLOR_MASK = 0x1FFFFFF;

    /** The default rendition: default colours, no attributes. */
    public static final long DEFAULT = 0L;

    private Renditions() {
    }

    public static long of(int foreground, int background, int attributes) {
        return (foreground & COLOR_MASK) | ((long) (background & COLOR_MASK) << 25) | ((long) (attributes & 0xFF) << 50);
    }

    public static int foreground(long r) {
        return (int) (r & COLOR_MASK);
    }

    public static int background(long r) {
        return (int) ((r >>> 25) & COLOR_MASK);
    }

    public static int attributes(long r) {
        return (int) ((r >>> 50) & 0xFF);
    }

    public static boolean has(long r, int attribute) {
        return (attributes(r) & attribute) != 0;
    }

    public static long withForeground(long r, int fg) {
        return (r & ~(long) COLOR_MASK) | (fg & COLOR_MASK);
    }

    public static long withBackground(long r, int bg) {
        return (r & ~((long) COLOR_MASK << 25)) | ((long) (bg & COLOR_MASK) << 25);
    }

    public static long withAttribute(long r, int attribute, boolean on) {
        long bit = (long) (attribute & 0xFF) << 50;
        return on ? r | bit : r & ~bit;
    }

    /** The rendition an erased cell gets under background-colour erase: only the current background survives. */
    public static long erased(long current) {
        return current & ((long) COLOR_MASK << 25);
    }

    /** Palette index 0..255 of a stored colour value, or -1 for default / true colour. */
    public static int paletteIndex(int stored, boolean background) {
        int base = background ? 40 : 30;
        if (stored == 0 || (stored & TRUE_COLOR) != 0) {
            return -1;
        }
        int index = stored - base;
        return index >= 0 && index <= 255 ? index : -1;
    }

    public static boolean isTrueColor(int stored) {
        return (stored & TRUE_COLOR) != 0;
    }

    /** 0xRRGGBB of a true-colour value. */
    public static int rgb(int stored) {
        return stored & 0xFFFFFF;
    }

    /** Mosh's SGR writer: always a full reset followed by the active terms in fixed order (docs/TERMINAL.md §2.1). */
    public static String sgr(long r) {
        StringBuilder sb = new StringBuilder(24);
        appendSgr(sb, r);
        return sb.toString();
    }

    static void appendSgr(StringBuilder sb, long r) {
        sb.append("\033[0");
        int a = attributes(r);
        if ((a & BOLD) != 0) sb.append(";1");
        if ((a & ITALIC) != 0) sb.append(";3");
        if ((a & UNDERLINED) != 0) sb.append(";4");
        if ((a & BLINK) != 0) sb.append(";5");
        if ((a & INVERSE) != 0) sb.append(";7");
        if ((a & INVISIBLE) != 0) sb.append(";8");
        appendColor(sb, foreground(r), 30, 38);
        appendColor(sb, background(r), 40, 48);
        sb.append('m');
    }

    private static void appendColor(StringBuilder sb, int v, int base, int extended) {
        if (v == 0) {
            return;
        }
        if ((v & TRUE_COLOR) != 0) {
            sb.append(';').append(extended).append(";2;").append((v >> 16) & 0xFF).append(';')
                    .append((v >> 8) & 0xFF).append(';').append(v & 0xFF);
        } else if (v > base + 7) {
            sb.append(';').append(extended).append(";5;").append(v - base);
        } else {
            sb.append(';').append(v);
        }
    }
}
