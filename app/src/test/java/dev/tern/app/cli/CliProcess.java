package dev.tern.app.cli;

import dev.tern.testbed.Tmux;
import java.io.File;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The shell command line that starts the real {@code tern} CLI (this build's classes) in a terminal. */
final class CliProcess {
    private CliProcess() {
    }

    static String commandLine(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // JavaFX is not needed by the CLI; leaving it off keeps start-up fast
        String trimmed = Stream.of(classPath.split(File.pathSeparator)).filter(p -> !p.contains("javafx"))
                .collect(Collectors.joining(File.pathSeparator));
        return Tmux.shellQuote(java) + " --enable-native-access=ALL-UNNAMED -cp " + Tmux.shellQuote(trimmed)
                + " dev.tern.app.Main " + Stream.of(args).map(Tmux::shellQuote).collect(Collectors.joining(" "));
    }

    /** Where a test's CLI keeps its files (session journals) unless the test names a folder: never the user's. */
    private static final java.nio.file.Path CONFIG = configFolder();

    static Map<String, String> utf8(Map<String, String> extra) {
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>(Map.of("LANG", "C.UTF-8",
                "TERM", "xterm-256color", "TERN_CONFIG_DIR", CONFIG.toString()));
        env.putAll(extra);
        return env;
    }

    private static java.nio.file.Path configFolder() {
        try {
            java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("tern-cli-config-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = java.nio.file.Files.walk(folder)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (java.io.IOException ignored) {
                    // a leftover temp folder is harmless
                }
            }, "tern-cli-config-cleanup"));
            return folder;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
