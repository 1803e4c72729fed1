package dev.tern.widget;

import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Renders a node to a PNG under target/screenshots (works headless and under Xvfb). FX thread. */
final class Screenshots {
    static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {
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
