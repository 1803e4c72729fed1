package dev.tern.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void helpPrintsUsageAndSucceeds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = CommandLine.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertEquals(0, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("tern --attach HOST PORT"));
    }
}
