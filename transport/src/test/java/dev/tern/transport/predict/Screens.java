package dev.tern.transport.predict;

import dev.tern.transport.screen.Emulator;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.screen.Renditions;

import java.nio.charset.StandardCharsets;

/** Builds real framebuffers by feeding host bytes to the mosh-exact emulator. */
final class Screens {
    private Screens() {
    }

    static Framebuffer screen(int width, int height, String hostBytes) {
        Emulator e = new Emulator(width, height);
        e.write(hostBytes.getBytes(StandardCharsets.UTF_8));
        return e.snapshot();
    }

    static String rowText(Framebuffer fb, int row) {
        return fb.row(row).text();
    }

    static boolean underlined(Framebuffer fb, int col, int row) {
        return Renditions.has(fb.cell(col, row).renditions(), Renditions.UNDERLINED);
    }

    /** Columns of a row that are underlined, as a string of '_' and '.'. */
    static String underlineMap(Framebuffer fb, int row) {
        StringBuilder sb = new StringBuilder();
        for (int x = 0; x < fb.width(); x++) {
            sb.append(underlined(fb, x, row) ? '_' : '.');
        }
        return sb.toString();
    }

    static byte[] keys(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
