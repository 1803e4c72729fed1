package dev.tern.testbed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * Finds the real programs the interop tests need. In CI ({@code CI=true}) a missing program fails the test,
 * so a broken CI image can never pass by skipping; on a developer machine the test is skipped, loudly.
 */
public final class Prerequisites {
    private static final List<String> SEARCH_PATH =
            List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin");

    private Prerequisites() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Absolute path of {@code program}, or a failure (CI) / skip (elsewhere) that says how to install it. */
    public static Path require(String program, String debianPackage) {
        return find(program).orElseThrow(() -> missing(program + " not found (looked in $PATH and "
                + String.join(", ", SEARCH_PATH) + "); install it with: apt-get install " + debianPackage));
    }

    public static Optional<Path> find(String program) {
        String envPath = System.getenv().getOrDefault("PATH", "");
        for (String dir : (envPath + ":" + String.join(":", SEARCH_PATH)).split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** The error for a test bed part that cannot run here: an AssertionError in CI, else a loud skip. */
    public static RuntimeException missing(String why) {
        String message = "[tern test bed] " + why;
        if (inCi()) {
            throw new AssertionError(message + " (CI=true: interop tests must not be skipped)");
        }
        System.err.println("*** SKIPPED: " + message);
        return new TestAbortedException(message);
    }

    public static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
