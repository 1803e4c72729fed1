package dev.tern.widget.bench;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.stage.Stage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/** The benchmarks' plumbing: a real JavaFX window, work on the FX thread, waiting, and the process's memory. */
final class BenchFx {
    private BenchFx() {
    }

    static void startFx() throws InterruptedException {
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            // a JUnit benchmark may share the toolkit with TestFX or an earlier run
            up.countDown();
        }
        Platform.setImplicitExit(false);
        up.await();
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    static <T> T onFx(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    static void onFx(Runnable work) {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    static Stage show(Parent root, String title) {
        return onFx(() -> {
            Stage stage = new Stage();
            stage.setTitle(title);
            stage.setScene(new Scene(root, 800, 480));
            stage.show();
            return stage;
        });
    }

    /**
     * Resizes the window until the terminal has exactly {@code columns} × {@code rows} cells (JediTermFX sizes its
     * buffer from the canvas at layout), then checks that it stays so across the widget's resize quiet period.
     */
    static void fitCells(Stage stage, Canvas canvas, IntSupplier bufferColumns, IntSupplier bufferRows,
                         int columns, int rows) {
        for (int attempt = 0; attempt < 12; attempt++) {
            sleep(300);
            boolean fits = onFx(() -> {
                int c = bufferColumns.getAsInt(), r = bufferRows.getAsInt();
                if (c == columns && r == rows) {
                    return true;
                }
                double cellWidth = canvas.getWidth() / Math.max(1, c);
                double cellHeight = canvas.getHeight() / Math.max(1, r);
                stage.setWidth(Math.ceil(stage.getWidth() + (columns + 0.5) * cellWidth - canvas.getWidth()));
                stage.setHeight(Math.ceil(stage.getHeight() + (rows + 0.5) * cellHeight - canvas.getHeight()));
                return false;
            });
            if (fits) {
                sleep(700);
                if (onFx(() -> bufferColumns.getAsInt() == columns && bufferRows.getAsInt() == rows)) {
                    return;
                }
            }
        }
        throw new IllegalStateException("could not size the terminal to " + columns + "x" + rows + "; it is "
                + onFx(() -> bufferColumns.getAsInt() + "x" + bufferRows.getAsInt()));
    }

    /** Waits until {@code condition} holds, polling every {@code pollMillis}; false on timeout. */
    static boolean await(long timeoutMillis, long pollMillis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(pollMillis);
        }
        return condition.getAsBoolean();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True if one row of {@code screen} (rows separated by newlines) is {@code line}, ignoring trailing blanks. */
    static boolean hasLine(String screen, String line) {
        for (String row : screen.split("\n")) {
            if (row.stripTrailing().equals(line)) {
                return true;
            }
        }
        return false;
    }

    /** A field of /proc/self/status in kB (VmRSS, VmHWM), or -1 where there is no /proc. */
    static long procStatusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** CPU time of the whole JVM (all threads) in ms. */
    static long processCpuMillis() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1_000_000L;
        }
        return -1;
    }

    static long gcMillis() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** One machine-readable line for the script: {@code RESULT mode key=value ...}. */
    static void result(String mode, Object... keyValues) {
        StringBuilder sb = new StringBuilder("RESULT ").append(mode);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            sb.append(' ').append(keyValues[i]).append('=').append(keyValues[i + 1]);
        }
        System.out.println(sb);
        System.out.flush();
    }

    static void log(String format, Object... args) {
        System.err.printf("widget-flood: " + format + "%n", args);
    }
}
