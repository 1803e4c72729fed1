package dev.tern.app.ui.dialogs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Runs a dialog on the JavaFX thread and waits for its answer when called from a connecting thread. */
public final class FxThread {
    private FxThread() {
    }

    public static <T> T call(Supplier<T> onFxThread) {
        if (Platform.isFxApplicationThread()) {
            return onFxThread.get();
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(onFxThread.get());
            } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the user", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the dialog failed", e.getCause());
        }
    }
}
