package dev.tern.transport.ssh;

/** A terminal size in character cells, and optionally in pixels (0 when unknown). */
public record PtySize(int columns, int rows, int widthPixels, int heightPixels) {

    public PtySize {
        if (columns < 1 || rows < 1 || widthPixels < 0 || heightPixels < 0) {
            throw new IllegalArgumentException("bad terminal size " + columns + "x" + rows);
        }
    }

    public static PtySize of(int columns, int rows) {
        return new PtySize(columns, rows, 0, 0);
    }
}
