package dev.tern.app.person;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bytes each key sends to a program in a terminal, recorded by {@code raw_reader.py} running in that
 * terminal (xterm, or a Tern tab: local, over SSH or over Mosh). Each key under test is followed by a marker key
 * (grave, which sends a lone {@code `}), so the recording splits into one record per key.
 */
final class KeyCapture {
    static final String MARKER_KEY = "grave";
    private static final byte MARKER = '`';
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(45);

    private final Path out;
    private final String mode;

    /** @param mode "normal", or "app" for application cursor-key and keypad mode */
    KeyCapture(String name, String mode) throws IOException {
        this.out = Scripts.sharedFolder().resolve(name + "-" + mode + ".hex");
        this.mode = mode;
        Files.deleteIfExists(out);
    }

    /** The command line that starts the recorder in a shell. */
    String commandLine() throws IOException {
        return "python3 " + Scripts.extract("raw_reader.py") + " " + out + " " + mode;
    }

    List<String> argv() throws IOException {
        return List.of("python3", Scripts.extract("raw_reader.py").toString(), out.toString(), mode);
    }

    void awaitReady() {
        XDisplay.waitFor("the key recorder to start (" + out.getFileName() + ")", READY_TIMEOUT,
                () -> lines().contains("ready") ? Optional.of(true) : Optional.empty());
    }

    /** Types every key followed by the marker, then ends the recorder with three Ctrl-D. */
    Map<String, String> record(XDisplay x, List<String> keys) {
        List<String> sequence = new ArrayList<>();
        for (String key : keys) {
            sequence.add(key);
            sequence.add(MARKER_KEY);
        }
        x.key(sequence.toArray(String[]::new));
        x.key("ctrl+d", "ctrl+d", "ctrl+d");
        XDisplay.waitFor("the key recorder to end (" + out.getFileName() + ")", READY_TIMEOUT,
                () -> lines().contains("end") ? Optional.of(true) : Optional.empty());
        return split(keys);
    }

    private List<String> lines() {
        try {
            return Files.exists(out) ? Files.readAllLines(out) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Key name to the hex of its bytes ("" when it sent nothing); "(missing)" when the recording ran short. */
    private Map<String, String> split(List<String> keys) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String line : lines()) {
            if (!line.equals("ready") && !line.equals("end") && !line.isBlank()) {
                all.writeBytes(HexFormat.of().parseHex(line.trim()));
            }
        }
        byte[] bytes = all.toByteArray();
        List<String> records = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == MARKER) {
                records.add(HexFormat.of().formatHex(bytes, start, i));
                start = i + 1;
            }
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byKey.put(keys.get(i), i < records.size() ? records.get(i) : "(missing)");
        }
        return byKey;
    }

    /** The keys whose bytes differ, one line each: key, expected, actual. Empty when all agree. */
    static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
        List<String> lines = new ArrayList<>();
        expected.forEach((key, bytes) -> {
            String got = actual.getOrDefault(key, "(missing)");
            if (!bytes.equals(got)) {
                lines.add(String.format("%-18s xterm %-20s tern %s", key, bytes.isEmpty() ? "(nothing)" : bytes,
                        got.isEmpty() ? "(nothing)" : got));
            }
        });
        return lines;
    }
}
