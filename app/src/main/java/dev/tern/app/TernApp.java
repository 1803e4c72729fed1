package dev.tern.app;

import dev.tern.app.profile.ProfileStore;
import dev.tern.app.settings.WindowStateStore;
import dev.tern.app.ui.MainWindow;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop application: main window with the profile sidebar and tabs. */
public final class TernApp extends Application {
    static final String TITLE = "Tern";

    private final AppServices services;
    private MainWindow window;

    public TernApp() {
        this(null);
    }

    /** @param services null for the real ones ({@link AppServices#defaults()}) */
    public TernApp(AppServices services) {
        this.services = services;
    }

    @Override
    public void start(Stage stage) {
        AppServices used = services != null ? services : AppServices.defaults();
        dev.tern.app.ui.Theme.preset();
        window = new MainWindow(stage, new ProfileStore(used.configDir()), new WindowStateStore(used.configDir()),
                used.secrets(), used.launcher(), used.confirmations(), used.userHome());
        window.show();
        if (services == null) {
            // the real app only: tests drive their own windows
            EndingSignals.install(stage, Main.QUIT_GRACE, window::processEnding);
        }
        StartupProbe.watch(stage);
    }

    /** The window, once started (tests drive it). */
    public MainWindow window() {
        return window;
    }
}
