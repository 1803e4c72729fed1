package dev.tern.app.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * The user's real terminal, through JLine (POSIX ttys and the Windows console alike): raw mode, size,
 * resize and continue signals, and the "open"/"close" strings mosh-client writes around a session.
 * Whatever happens, {@link #close()} puts the terminal back the way it was.
 */
final class LocalTerminal implements Closeable {
    /** What mosh's Display::close() resets, after which the alternate screen is left. */
    private static final String RESET_MODES = "\033[?1l\033[0m\033[?25h\033[?1003l\033[?1002l\033[?1001l"
            + "\033[?1000l\033[?1015l\033[?1006l\033[?1005l";

    private final Terminal terminal;
    private final OutputStream output;
    private Attributes saved;
    private boolean open;
    private boolean normalScreen;
    private boolean screenMadeRoom;

    LocalTerminal() throws IOException {
        // JLine's JNI provider (its own small native library, for Linux, macOS and Windows) opens the terminal in
        // about 180 ms on a cold JVM, the FFM one in about 300: try it first, fall back to the others.
        // No grapheme-cluster probing: it writes queries to the terminal and reads the answers from stdin (which
        // would land in a password or host-key prompt answered meanwhile), and where mode 2027 exists it would turn
        // it on, while mosh's screen model measures every character with wcwidth() as mosh-client's terminal does.
        terminal = TerminalBuilder.builder().system(true).jna(false).jansi(false).providers("jni,ffm,exec")
                .graphemeCluster(false).build();
        output = terminal.output();
    }

    /**
     * Builds the terminal on a background thread. JLine's first build (native access, termios, terminfo) costs
     * a few hundred milliseconds, which overlaps the SSH login this way instead of adding to the connect time.
     * {@code thenAlso} runs on the same thread afterwards (more set-up that can wait for nobody).
     */
    static CompletableFuture<LocalTerminal> buildInBackground(Runnable thenAlso) {
        CompletableFuture<LocalTerminal> result = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("tern-terminal-setup").start(() -> {
            try {
                result.complete(new LocalTerminal());
            } catch (IOException | RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
            thenAlso.run();
        });
        return result;
    }

    /** The terminal {@link #buildInBackground} made, once it is ready; its build failure as an IOException. */
    static LocalTerminal await(CompletableFuture<LocalTerminal> pending) throws IOException {
        try {
            return pending.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot open this terminal (" + e.getCause().getMessage()
                    + "); run tern in an interactive terminal window or console.", e.getCause());
        }
    }

    /** Lets go of a terminal built in the background that will not be used (the login failed). */
    static void discard(CompletableFuture<LocalTerminal> pending) {
        try {
            await(pending).dispose();
        } catch (IOException e) {
            // nothing was opened, so nothing needs restoring
        }
    }

    boolean isInteractive() {
        return !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    }

    /**
     * {@code --no-init}: the session stays on the normal screen (no alternate screen), so what scrolls off goes
     * into this terminal's scrollback.
     */
    synchronized void useNormalScreen(boolean normal) {
        normalScreen = normal;
    }

    /** Enters raw mode and the alternate screen, and forces application cursor keys (as mosh does). */
    synchronized void open() throws IOException {
        if (!open) {
            saved = terminal.enterRawMode();
            open = true;
        }
        if (!normalScreen) {
            terminal.puts(InfoCmp.Capability.enter_ca_mode);
            terminal.flush();
        } else if (!screenMadeRoom) {
            // what the screen showed before the session moves up into the scrollback instead of being drawn over
            screenMadeRoom = true;
            write("\033[" + size().getRows() + ";1H" + "\n".repeat(size().getRows()));
        }
        write("\033[?1h");
    }

    /** Leaves the alternate screen and restores the saved terminal modes. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            write(RESET_MODES);
            if (normalScreen) {
                write("\r\n"); // the session's last screen stays; what follows starts on a line of its own
            } else {
                terminal.puts(InfoCmp.Capability.exit_ca_mode);
                terminal.flush();
            }
            terminal.setAttributes(saved);
        } catch (IOException | RuntimeException ignored) {
            // the terminal may already be gone (hang-up); nothing else to restore
        }
    }

    /** For suspending: restore the terminal, keep the JLine terminal itself for resuming. */
    synchronized void suspend() throws IOException {
        close();
        write("\n\033[37;44m[mosh is suspended.]\033[m\n");
    }

    synchronized void write(String text) throws IOException {
        output.write(text.getBytes(StandardCharsets.UTF_8));
        output.flush();
    }

    InputStream input() {
        return terminal.input();
    }

    Size size() {
        Size size = terminal.getSize();
        int columns = size.getColumns() > 0 ? size.getColumns() : 80;
        int rows = size.getRows() > 0 ? size.getRows() : 24;
        return new Size(columns, rows);
    }

    void onResize(Runnable action) {
        terminal.handle(Terminal.Signal.WINCH, signal -> action.run());
    }

    void onContinue(Runnable action) {
        terminal.handle(Terminal.Signal.CONT, signal -> action.run());
    }

    PrintStream stderr() {
        return System.err;
    }

    /**
     * Releases JLine's terminal. Closing it waits for a keyboard read that may never return (the reader thread
     * is blocked in read(2) on the tty), so it is done on the side and not waited for long: the modes were
     * already restored by {@link #close()}, and the process is about to exit.
     */
    void dispose() {
        Thread closer = Thread.ofPlatform().daemon().name("tern-terminal-close").start(() -> {
            try {
                terminal.close();
            } catch (IOException ignored) {
                // closing the system terminal can only fail if it is gone already
            }
        });
        try {
            closer.join(java.time.Duration.ofMillis(200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
