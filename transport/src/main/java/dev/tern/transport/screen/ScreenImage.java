package dev.tern.transport.screen;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A framebuffer written out and read back whole (cells, renditions, drawing state, title, clipboard, bell count),
 * so that a Mosh client process can keep a server screen state across its own restart: the server's next diff
 * applies only to exactly that screen.
 *
 * <p>Row generations are process-local; rows that shared a generation share a fresh one when read back, so the
 * renderer still sees them as the same row.
 */
public final class ScreenImage {
    private static final int VERSION = 1;

    private ScreenImage() {
    }

    public static void write(Framebuffer f, DataOutput out) throws IOException {
        out.writeInt(VERSION);
        out.writeInt(f.width);
        out.writeInt(f.height);
        writeDrawState(f, out);
        out.writeUTF(f.windowTitle);
        out.writeUTF(f.iconName);
        writeLongString(f.clipboard, out);
        out.writeLong(f.bellCount);
        out.writeBoolean(f.titleInitialized);
        for (Row row : f.rows) {
            writeRow(row, out);
        }
    }

    /**
     * Reads a framebuffer written by {@link #write}.
     *
     * @throws IOException if the data is not a screen image of this version or names an impossible size
     */
    public static Framebuffer read(DataInput in) throws IOException {
        if (in.readInt() != VERSION) {
            throw new IOException("unknown screen image version");
        }
        int width = in.readInt();
        int height = in.readInt();
        if (width < 1 || height < 1 || width > Framebuffer.MAX_WIDTH || height > Framebuffer.MAX_HEIGHT) {
            throw new IOException("impossible screen size " + width + "x" + height);
        }
        Framebuffer f = new Framebuffer(width, height);
        readDrawState(f, in);
        f.windowTitle = in.readUTF();
        f.iconName = in.readUTF();
        f.clipboard = readLongString(in);
        f.bellCount = in.readLong();
        f.titleInitialized = in.readBoolean();
        Map<Long, Long> generations = new HashMap<>();
        for (int y = 0; y < height; y++) {
            f.rows[y] = readRow(width, generations, in);
        }
        return f;
    }

    /** A Mosh client's emulator showing {@code screen}, between escape sequences (where every server diff ends). */
    public static Emulator clientEmulator(Framebuffer screen) {
        return new Emulator(screen.snapshot(), Repertoire.MOSH_CLIENT);
    }

    private static void writeDrawState(Framebuffer f, DataOutput out) throws IOException {
        int[] ints = {f.cursorRow, f.cursorCol, f.combiningRow, f.combiningCol, f.mouseReportingMode,
                f.mouseEncodingMode, f.cursorStyle, f.scrollTop, f.scrollBottom, f.savedRow, f.savedCol};
        for (int v : ints) {
            out.writeInt(v);
        }
        boolean[] flags = {f.nextPrintWillWrap, f.originMode, f.autoWrapMode, f.insertMode, f.cursorVisible,
                f.reverseVideo, f.bracketedPaste, f.mouseFocusEvent, f.mouseAlternateScroll, f.applicationCursorKeys,
                f.applicationKeypad, f.defaultTabs, f.savedAutoWrap, f.savedOrigin};
        for (boolean v : flags) {
            out.writeBoolean(v);
        }
        out.writeLong(f.renditions);
        out.writeLong(f.savedRenditions);
        for (boolean tab : f.tabs) {
            out.writeBoolean(tab);
        }
    }

    private static void readDrawState(Framebuffer f, DataInput in) throws IOException {
        f.cursorRow = within(in.readInt(), 0, f.height - 1);
        f.cursorCol = within(in.readInt(), 0, f.width - 1);
        f.combiningRow = within(in.readInt(), -1, f.height - 1);
        f.combiningCol = within(in.readInt(), -1, f.width - 1);
        f.mouseReportingMode = in.readInt();
        f.mouseEncodingMode = in.readInt();
        f.cursorStyle = in.readInt();
        f.scrollTop = within(in.readInt(), 0, f.height - 1);
        f.scrollBottom = within(in.readInt(), f.scrollTop, f.height - 1);
        // a resize leaves the saved cursor where it was, possibly off the smaller screen: kept as it was
        f.savedRow = within(in.readInt(), 0, Framebuffer.MAX_HEIGHT);
        f.savedCol = within(in.readInt(), 0, Framebuffer.MAX_WIDTH);
        f.nextPrintWillWrap = in.readBoolean();
        f.originMode = in.readBoolean();
        f.autoWrapMode = in.readBoolean();
        f.insertMode = in.readBoolean();
        f.cursorVisible = in.readBoolean();
        f.reverseVideo = in.readBoolean();
        f.bracketedPaste = in.readBoolean();
        f.mouseFocusEvent = in.readBoolean();
        f.mouseAlternateScroll = in.readBoolean();
        f.applicationCursorKeys = in.readBoolean();
        f.applicationKeypad = in.readBoolean();
        f.defaultTabs = in.readBoolean();
        f.savedAutoWrap = in.readBoolean();
        f.savedOrigin = in.readBoolean();
        f.renditions = in.readLong();
        f.savedRenditions = in.readLong();
        for (int x = 0; x < f.width; x++) {
            f.tabs[x] = in.readBoolean();
        }
    }

    private static void writeRow(Row row, DataOutput out) throws IOException {
        out.writeLong(row.generation());
        for (int x = 0; x < row.width(); x++) {
            out.writeInt(row.base[x]);
            out.writeLong(row.rend[x]);
            out.writeByte(row.flags[x]);
            String tail = row.tail[x];
            out.writeBoolean(tail != null);
            if (tail != null) {
                out.writeUTF(tail);
            }
        }
    }

    private static Row readRow(int width, Map<Long, Long> generations, DataInput in) throws IOException {
        long saved = in.readLong();
        Row row = new Row(width, 0, generations.computeIfAbsent(saved, g -> Row.newGeneration()));
        for (int x = 0; x < width; x++) {
            int base = in.readInt();
            if (base < 0 || base > Character.MAX_CODE_POINT) {
                throw new IOException("impossible character in a screen image");
            }
            row.base[x] = base;
            row.rend[x] = in.readLong();
            row.flags[x] = in.readByte();
            if (in.readBoolean()) {
                row.tail[x] = in.readUTF();
                row.anyTail = true;
            }
        }
        return row;
    }

    private static void writeLongString(String s, DataOutput out) throws IOException {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readLongString(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 16 << 20) {
            throw new IOException("impossible string length in a screen image");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int within(int value, int low, int high) throws IOException {
        if (value < low || value > high) {
            throw new IOException("screen image value " + value + " outside " + low + ".." + high);
        }
        return value;
    }
}
