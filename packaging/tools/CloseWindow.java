import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Asks an X11 window to close the way a window manager's close button does: it sends the window a
 * WM_DELETE_WINDOW client message. xdotool 3.2016 only has windowclose (XDestroyWindow) and windowkill
 * (XKillClient), which tear the window away from a running app, and Xvfb has no window manager to ask.
 * Usage: java --enable-native-access=ALL-UNNAMED CloseWindow.java WINDOW_ID   (DISPLAY must be set)
 */
public final class CloseWindow {
    private static final int CLIENT_MESSAGE = 33;
    private static final int XEVENT_SIZE = 192; // sizeof(XEvent) on LP64

    public static void main(String[] args) throws Throwable {
        if (args.length != 1) {
            System.err.println("usage: CloseWindow WINDOW_ID");
            System.exit(2);
        }
        long window = Long.decode(args[0]);
        Linker linker = Linker.nativeLinker();
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup x11 = SymbolLookup.libraryLookup("libX11.so.6", arena);
            MethodHandle openDisplay = linker.downcallHandle(x11.findOrThrow("XOpenDisplay"),
                    FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS));
            MethodHandle internAtom = linker.downcallHandle(x11.findOrThrow("XInternAtom"),
                    FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            MethodHandle sendEvent = linker.downcallHandle(x11.findOrThrow("XSendEvent"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                            ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
            MethodHandle sync = linker.downcallHandle(x11.findOrThrow("XSync"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            MethodHandle closeDisplay = linker.downcallHandle(x11.findOrThrow("XCloseDisplay"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));

            MemorySegment display = (MemorySegment) openDisplay.invokeExact(MemorySegment.NULL);
            if (display.equals(MemorySegment.NULL)) {
                System.err.println("CloseWindow: cannot open the X display (is DISPLAY set?)");
                System.exit(1);
            }
            long protocols = (long) internAtom.invokeExact(display, arena.allocateFrom("WM_PROTOCOLS"), 0);
            long deleteWindow = (long) internAtom.invokeExact(display, arena.allocateFrom("WM_DELETE_WINDOW"), 0);

            // XClientMessageEvent: type@0 serial@8 send_event@16 display@24 window@32 message_type@40 format@48 data@56
            MemorySegment event = arena.allocate(XEVENT_SIZE, 8);
            event.set(ValueLayout.JAVA_INT, 0, CLIENT_MESSAGE);
            event.set(ValueLayout.JAVA_INT, 16, 1);
            event.set(ValueLayout.ADDRESS, 24, display);
            event.set(ValueLayout.JAVA_LONG, 32, window);
            event.set(ValueLayout.JAVA_LONG, 40, protocols);
            event.set(ValueLayout.JAVA_INT, 48, 32);
            event.set(ValueLayout.JAVA_LONG, 56, deleteWindow);
            event.set(ValueLayout.JAVA_LONG, 64, 0L); // CurrentTime
            int status = (int) sendEvent.invokeExact(display, window, 0, 0L, event);
            int ignored = (int) sync.invokeExact(display, 0);
            ignored = (int) closeDisplay.invokeExact(display);
            if (status == 0) {
                System.err.println("CloseWindow: XSendEvent failed for window " + args[0]);
                System.exit(1);
            }
        }
    }
}
