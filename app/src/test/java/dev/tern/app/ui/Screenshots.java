package dev.tern.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * Pictures of the window for a person to look at: the scene rendered by JavaFX (works headless too) and, on a
 * real X display, the whole screen as the X server shows it (ImageMagick's import).
 */
final class Screenshots {
    private final Path dir;
    private final boolean wholeScreen;

    private Screenshots(Path dir, boolean wholeScreen) {
        this.dir = dir;
        this.wholeScreen = wholeScreen;
    }

    static Screenshots of(String kind, boolean wholeScreen) {
        Path dir = Path.of("target", "screenshots", kind);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Screenshots(dir, wholeScreen);
    }

    void take(FxRobot robot, Stage stage, String name) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        Path scene = dir.resolve(name + ".png");
        write(image[0], scene);
        assertTrue(Files.exists(scene), scene.toString());
        if (wholeScreen) {
            Path screen = dir.resolve(name + "-screen.png");
            try {
                Process process = new ProcessBuilder("import", "-window", "root", screen.toString())
                        .redirectErrorStream(true).start();
                boolean done = process.waitFor(20, TimeUnit.SECONDS);
                assertTrue(done && process.exitValue() == 0 && Files.size(screen) > 0,
                        "ImageMagick import could not take " + screen);
            } catch (IOException e) {
                throw new AssertionError("ImageMagick's import is needed for screenshots (apt-get install imagemagick)", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void write(WritableImage image, Path file) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            ImageIO.write(buffered, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
