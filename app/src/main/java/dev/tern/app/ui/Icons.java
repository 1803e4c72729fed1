package dev.tern.app.ui;

import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.session.SessionState;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The app's icons (Feather, through Ikonli) and the coloured status dots; colours come from the stylesheet. */
public final class Icons {
    private Icons() {
    }

    public static FontIcon of(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("tern-icon");
        return icon;
    }

    public static FontIcon forKind(ConnectionKind kind) {
        FontIcon icon = of(switch (kind) {
            case MOSH -> Feather.ZAP;
            case SSH -> Feather.SERVER;
            case LOCAL -> Feather.TERMINAL;
        });
        icon.getStyleClass().add("kind-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        return icon;
    }

    public static FontIcon forState(SessionState state) {
        FontIcon icon = of(switch (state) {
            case WAITING -> Feather.PAUSE_CIRCLE;
            case CONNECTING -> Feather.LOADER;
            case RESUMING -> Feather.ROTATE_CCW;
            case CONNECTED -> Feather.CHECK_CIRCLE;
            case CONTACT_LOST -> Feather.WIFI_OFF;
            case FAILED -> Feather.ALERT_TRIANGLE;
            case CLOSED -> Feather.X_CIRCLE;
        });
        icon.getStyleClass().add(stateStyle(state));
        return icon;
    }

    /** A small dot coloured by the session state, for the sidebar. */
    public static Circle statusDot(SessionState state) {
        Circle dot = new Circle(4);
        dot.getStyleClass().addAll("status-dot", stateStyle(state));
        return dot;
    }

    public static String stateStyle(SessionState state) {
        return "state-" + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
