package dev.tern.widget;

import javafx.scene.Node;
import org.testfx.api.FxRobot;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/** Renders a node to a PNG under target/screenshots (works headless and under Xvfb). FX thread. */
final class Screenshots {
    static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /**
     * Takes pictures of {@code node} until one shows what {@code painted} looks for (the panel paints on its own
     * timer, after the text buffer changed) and returns it; fails after a generous wait. Any thread but FX.
     */
    static BufferedImage takeOnce(FxRobot robot, Node node, Predicate<BufferedImage> painted, String what) {
        BufferedImage[] shot = new BufferedImage[1];
        Eventually.until(Duration.ofSeconds(10), () -> {
            robot.interact(() -> shot[0] = take(node));
            return painted.test(shot[0]);
        }, () -> "the picture never showed " + what);
        return shot[0];
    }

    /** Whether any pixel has a hue: the built-in schemes' text and background are all greys. */
    static boolean hasColour(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 48) {
                    return true;
                }
            }
        }
        return false;
    }

    static BufferedImage take(Node node) {
        WritableImage image = node.snapshot(null, null);
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }

    static Path save(BufferedImage image, String name) throws IOException {
        Files.createDirectories(DIR);
        Path file = DIR.resolve(name + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file.toAbsolutePath();
    }

    /**
     * Under a real X server (the Xvfb run, not headless Monocle) also grabs the whole screen with ImageMagick's
     * {@code import}, which shows the real window as the user would see it. Call off the FX thread.
     */
    static void grabRealScreen(String name) throws IOException, InterruptedException {
        String display = System.getenv("DISPLAY");
        if (Boolean.getBoolean("testfx.headless") || display == null || display.isBlank()) {
            return;
        }
        Files.createDirectories(DIR);
        Path file = DIR.resolve("xvfb-" + name + ".png").toAbsolutePath();
        Process p = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
        System.out.println("real-window screenshot " + file + ": import exited " + p.waitFor());
    }

    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }
}
