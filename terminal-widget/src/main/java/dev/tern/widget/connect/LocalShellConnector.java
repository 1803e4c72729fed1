package dev.tern.widget.connect;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A program on this machine in a pseudo-terminal (pty4j): by default the user's shell. On Windows it runs
 * through ConPTY, which gives real VT output; elsewhere through a Unix pty.
 */
public final class LocalShellConnector extends StreamConnector {
    /**
     * pty4j's Unix input stream allocates a temporary array of the requested length for every read, while a pty
     * hands over a few KiB per read (about 4.5 KiB on average on Linux under {@code cat}, 19 KiB at most seen):
     * asking for 64 KiB made about 0.7 GB of garbage per 50 MB of output; 16 KiB makes a quarter of that and
     * rarely shortens a read (which would only cost one more read).
     */
    static final int PTY_READ_CHUNK = 16 * 1024;
    private final List<String> command;
    private final Map<String, String> extraEnvironment;
    private final Path directory;
    private volatile PtyProcess process;
    private volatile WinSize wantedSize;

    /** The platform's default shell in the user's home directory. */
    public LocalShellConnector() {
        this(defaultShell(), Map.of(), Path.of(System.getProperty("user.home")));
    }

    public LocalShellConnector(List<String> command, Map<String, String> extraEnvironment, Path directory) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        this.command = List.copyOf(command);
        this.extraEnvironment = Map.copyOf(extraEnvironment);
        this.directory = directory;
    }

    /** $SHELL (a login shell on macOS, as Terminal.app does), else bash or sh; PowerShell on Windows. */
    public static List<String> defaultShell() {
        if (isWindows()) {
            String systemRoot = System.getenv().getOrDefault("SystemRoot", "C:\\Windows");
            Path powershell = Path.of(systemRoot, "System32", "WindowsPowerShell", "v1.0", "powershell.exe");
            if (Files.isRegularFile(powershell)) {
                return List.of(powershell.toString());
            }
            return List.of(System.getenv().getOrDefault("ComSpec", "cmd.exe"));
        }
        String shell = System.getenv("SHELL");
        if (shell == null || shell.isBlank() || !Files.isExecutable(Path.of(shell))) {
            shell = Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "/bin/sh";
        }
        boolean mac = System.getProperty("os.name", "").toLowerCase().contains("mac");
        return mac ? List.of(shell, "-l") : List.of(shell);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().contains("win");
    }

    @Override
    protected int readChunk() {
        return PTY_READ_CHUNK;
    }

    @Override
    public String name() {
        return Path.of(command.getFirst()).getFileName().toString();
    }

    @Override
    protected Streams open(int columns, int rows) throws IOException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("TERM", "xterm-256color");
        env.put("COLORTERM", "truecolor");
        env.put("TERM_PROGRAM", "Tern");
        env.putAll(extraEnvironment);
        PtyProcessBuilder builder = new PtyProcessBuilder(command.toArray(String[]::new))
                .setEnvironment(env)
                .setInitialColumns(columns)
                .setInitialRows(rows)
                .setConsole(false)
                .setRedirectErrorStream(true)
                .setUseWinConPty(true);
        if (directory != null && Files.isDirectory(directory)) {
            builder.setDirectory(directory.toString());
        }
        PtyProcess p = builder.start();
        process = p;
        if (hasEnded()) {
            p.destroy();
        }
        WinSize wanted = wantedSize;
        if (wanted != null && (wanted.getColumns() != columns || wanted.getRows() != rows)) {
            // the view was laid out while the process was starting
            resize(wanted.getColumns(), wanted.getRows());
        }
        return new Streams(p.getInputStream(), p.getOutputStream());
    }

    @Override
    protected String endMessage() {
        PtyProcess p = process;
        if (p == null) {
            return "Process ended.";
        }
        try {
            return "Process exited with code " + p.waitFor() + ".";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Process ended.";
        }
    }

    @Override
    protected void release() {
        PtyProcess p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
        }
    }

    @Override
    public void resize(int columns, int rows) {
        if (columns > 0 && rows > 0) {
            wantedSize = new WinSize(columns, rows);
        }
        PtyProcess p = process;
        if (p != null && p.isAlive() && columns > 0 && rows > 0) {
            try {
                p.setWinSize(new WinSize(columns, rows));
            } catch (RuntimeException e) {
                // the process is on its way out; its end is reported by the reader
            }
        }
    }

    /** The pty process, once started (tests read its exit code and pid). */
    public PtyProcess process() {
        return process;
    }
}
