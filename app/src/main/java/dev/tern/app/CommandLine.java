package dev.tern.app;

import java.io.PrintStream;

/** The terminal client of the {@code tern} launcher (a mosh-compatible client; built out in its own issue). */
final class CommandLine {
    private CommandLine() {
    }

    static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println("Usage: tern                          open the desktop app");
            out.println("       tern [options] [user@]host    connect with Mosh in this terminal");
            out.println("       tern --attach HOST PORT       attach to a running mosh-server (key in MOSH_KEY)");
            return 0;
        }
        err.println("tern: the terminal client is not available in this build yet; run ./tern with no arguments for the desktop app.");
        return 2;
    }
}
