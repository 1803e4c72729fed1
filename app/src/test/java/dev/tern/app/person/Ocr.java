package dev.tern.app.person;

import dev.tern.testbed.Prerequisites;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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
        return readRegion(image, x, y, width, height, List.of("-colorspace", "Gray", "-threshold", "55%"), "6");
    }

    /** The same for light text on a dark background (inverted first), as one line of text. */
    static String readLightLine(Path image, int x, int y, int width, int height)
            throws IOException, InterruptedException {
        return readRegion(image, x, y, width, height, List.of("-negate"), "7");
    }

    private static String readRegion(Path image, int x, int y, int width, int height, List<String> filters,
                                     String pageMode) throws IOException, InterruptedException {
        Path region = image.resolveSibling(image.getFileName().toString().replace(".png", "-region.png"));
        List<String> command = new java.util.ArrayList<>(List.of("convert", image.toString(), "-crop",
                width + "x" + height + "+" + x + "+" + y, "+repage", "-resize", "300%"));
        command.addAll(filters);
        command.add(region.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("convert could not crop " + image);
        }
        return tesseract(region, "--psm", pageMode);
    }

    static String read(Path image) throws IOException, InterruptedException {
        return tesseract(image);
    }

    private static String tesseract(Path image, String... options) throws IOException, InterruptedException {
        Path tesseract = Prerequisites.require("tesseract", "tesseract-ocr");
        List<String> command = new java.util.ArrayList<>(List.of(tesseract.toString(), image.toString(), "-"));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("tesseract did not finish");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /**
     * Where a word shows on a screenshot: the centre of the first word box that is exactly it, else of the first
     * that contains it (case ignored), so that "Start" finds the button rather than "start" in a sentence above.
     */
    static java.util.Optional<int[]> find(Path image, String word) throws IOException, InterruptedException {
        Path tesseract = Prerequisites.require("tesseract", "tesseract-ocr");
        Path big = image.resolveSibling(image.getFileName().toString().replace(".png", "-x2.png"));
        Process scale = new ProcessBuilder("convert", image.toString(), "-resize", "200%", big.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!scale.waitFor(60, TimeUnit.SECONDS) || scale.exitValue() != 0) {
            throw new IllegalStateException("convert could not scale " + image);
        }
        Process p = new ProcessBuilder(tesseract.toString(), big.toString(), "-", "--psm", "11", "tsv")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String tsv = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        // a phrase is found by its first word ("Add a host" by "Add")
        String first = word.split(" ")[0];
        String wanted = first.toLowerCase(java.util.Locale.ROOT);
        List<String[]> boxes = tsv.lines().skip(1).map(line -> line.split("\t")).filter(f -> f.length >= 12).toList();
        return boxes.stream().filter(f -> f[11].equals(first)).findFirst()
                .or(() -> boxes.stream().filter(f -> f[11].toLowerCase(java.util.Locale.ROOT).contains(wanted))
                        .findFirst())
                .map(f -> {
                    int left = Integer.parseInt(f[6]), top = Integer.parseInt(f[7]);
                    int width = Integer.parseInt(f[8]), height = Integer.parseInt(f[9]);
                    return new int[]{(left + width / 2) / 2, (top + height / 2) / 2};
                });
    }
}
