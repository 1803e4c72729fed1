package dev.tern.app.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tern.app.profile.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@value #FILE_NAME} in the config folder: window geometry, sidebar width, open tabs. Losing it costs only the
 * layout, so a broken file is simply replaced by defaults (no backup kept).
 */
public final class WindowStateStore {
    public static final String FILE_NAME = "window.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final AtomicFileWriter writer = new AtomicFileWriter();

    public WindowStateStore(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    public WindowState load() {
        AtomicFileWriter.deleteLeftovers(file);
        if (!Files.isRegularFile(file)) {
            return WindowState.DEFAULTS;
        }
        try {
            WindowState state = MAPPER.readValue(file.toFile(), WindowState.class);
            return state == null ? WindowState.DEFAULTS : state;
        } catch (IOException | RuntimeException e) {
            return WindowState.DEFAULTS;
        }
    }

    /** Reads and writes a state in memory once, so that the first real load finds the mapper ready. */
    public static void warmUp() throws IOException {
        MAPPER.readValue(MAPPER.writeValueAsBytes(WindowState.DEFAULTS), WindowState.class);
    }

    public void save(WindowState state) throws IOException {
        writer.write(file, MAPPER.writeValueAsBytes(state), false);
    }
}
