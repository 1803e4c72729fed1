package dev.tern.app;

import javafx.application.Application;

/**
 * Entry point of the {@code tern} launcher. With no arguments it opens the desktop app; with arguments it is
 * the terminal client. The class deliberately does not extend {@link Application}, so the JavaFX runtime is
 * only touched when the desktop app is wanted.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(TernApp.class);
            return;
        }
        System.exit(CommandLine.run(args));
    }
}
