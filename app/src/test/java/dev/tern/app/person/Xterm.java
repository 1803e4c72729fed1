package dev.tern.app.person;

import dev.tern.testbed.MoshServer;
import dev.tern.testbed.Prerequisites;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's xterm as the reference for what keys send, configured as a terminal user expects it: Alt sends an ESC
 * prefix (metaSendsEscape) and Backspace sends DEL (backarrowKey false).
 */
final class Xterm {
    private Xterm() {
    }

    /** Runs the key recorder in a fresh xterm and types the keys into it. */
    static Map<String, String> record(XDisplay x, KeyCapture capture, List<String> keys)
            throws IOException, InterruptedException {
        return run(x, capture, keys, capture.argv(), Map.of());
    }

    /**
     * The reference for a Mosh tab: the official mosh-client in xterm, attached to a mosh-server that runs the
     * key recorder, so that what mosh-client does to the keys (it puts xterm in application cursor-key mode,
     * mosh-server turns the arrows back) is part of what is compared.
     */
    static Map<String, String> recordThroughMosh(XDisplay x, KeyCapture capture, List<String> keys)
            throws IOException, InterruptedException {
        Prerequisites.require("mosh-client", "mosh");
        try (MoshServer server = MoshServer.start(capture.argv().toArray(String[]::new))) {
            return run(x, capture, keys, List.of("mosh-client", "127.0.0.1", String.valueOf(server.port())),
                    Map.of("MOSH_KEY", server.key(), "LANG", "C.UTF-8"));
        }
    }

    private static Map<String, String> run(XDisplay x, KeyCapture capture, List<String> keys, List<String> program,
                                           Map<String, String> environment)
            throws IOException, InterruptedException {
        Prerequisites.require("xterm", "xterm");
        String title = "tern-reference-xterm";
        List<String> command = new ArrayList<>(List.of("xterm", "-xrm", "XTerm*metaSendsEscape: true",
                "-xrm", "XTerm*backarrowKey: false", "-xrm", "XTerm*allowTitleOps: false", "-title", title, "-e"));
        command.addAll(program);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(x.environment());
        builder.environment().putAll(environment);
        Process xterm = builder.start();
        try {
            long window = x.waitForWindow("^" + title + "$", Duration.ofSeconds(30));
            capture.awaitReady();
            x.focus(window);
            return capture.record(x, keys);
        } finally {
            if (!xterm.waitFor(10, TimeUnit.SECONDS)) {
                xterm.destroyForcibly();  // mosh-client stays until its server ends
            }
        }
    }
}
