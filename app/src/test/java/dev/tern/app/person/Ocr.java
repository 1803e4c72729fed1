package dev.tern.app.person;

import dev.tern.testbed.Prerequisites;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Reads the text of a screenshot with tesseract, for what only pixels show (a banner over the terminal). */
final class Ocr {
    private Ocr() {
    }

    /**
     * Reads one region of a screenshot, enlarged and turned black on white first (tesseract reads dark text on a
     * light, even background best).
     */
    static String readRegion(Path image, int x, int y, int width, int height)
            throws IOException, InterruptedException {
        Path region = image.resolveSibling(image.getFileName().toString().replace(".png", "-region.png"));
        Process p = new ProcessBuilder("convert", image.toString(), "-crop", width + "x" + height + "+" + x + "+" + y,
                "+repage", "-resize", "300%", "-colorspace", "Gray", "-threshold", "55%", region.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("convert could not crop " + image);
        }
        return read(region);
    }

    static String read(Path image) throws IOException, InterruptedException {
        Path tesseract = Prerequisites.require("tesseract", "tesseract-ocr");
        Process p = new ProcessBuilder(tesseract.toString(), image.toString(), "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("tesseract did not finish");
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
