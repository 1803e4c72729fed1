package dev.tern.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.image.Image;

/** The window icon (the app icon from {@code assets/icons}, copied in by the build), in several sizes. */
final class AppIcon {
    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcon() {
    }

    static List<Image> images() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            var url = AppIcon.class.getResource("tern-" + size + ".png");
            if (url != null) {
                images.add(new Image(Objects.requireNonNull(url).toExternalForm()));
            }
        }
        return images;
    }
}
