package dev.tern.widget;

import javafx.animation.FadeTransition;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/** A short flash over the terminal instead of a beep. FX thread. */
final class VisualBell {
    private final Region flash = new Region();
    private final FadeTransition fade = new FadeTransition(Duration.millis(180), flash);
    private long rings;

    VisualBell() {
        flash.setMouseTransparent(true);
        flash.setOpacity(0);
        flash.setStyle("-fx-background-color: rgba(255, 255, 255, 0.35);");
        fade.setFromValue(1);
        fade.setToValue(0);
    }

    Region node() {
        return flash;
    }

    void ring() {
        rings++;
        fade.playFromStart();
    }

    long rings() {
        return rings;
    }
}
