package dev.tern.transport.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Waiting in tests for conditions outside the session (generous limits: a miss is a failure, not a race). */
final class Polls {
    private static final Path PROC = Path.of("/proc");

    private Polls() {
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(10);
        }
    }

    /**
     * Waits until some process holds {@code file} open, e.g. the {@code cat > file} a shell was told to run: from
     * then on the keys typed reach that program and not the shell's line editor.
     */
    static void awaitOpenedByAProcess(Path file) throws InterruptedException, IOException {
        Path target = file.toRealPath();
        await("a process opens " + target + " (Linux /proc)", Duration.ofSeconds(30), () -> openedByAnyProcess(target));
    }

    private static boolean openedByAnyProcess(Path target) {
        try (Stream<Path> processes = Files.list(PROC)) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .anyMatch(p -> holds(p.resolve("fd"), target));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean holds(Path fdFolder, Path target) {
        try (Stream<Path> fds = Files.list(fdFolder)) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(target);
                } catch (IOException | UnsupportedOperationException gone) {
                    return false; // the descriptor closed or the process ended while we looked
                }
            });
        } catch (IOException | SecurityException notOurs) {
            return false; // another user's process, or it ended while we looked
        }
    }
}
