package dev.tern.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TernCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TernCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsMoshsOptions() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String option : new String[] {"--predict", "--predict-overwrite", "--port", "--server", "-4", "-6",
                "--family", "--ssh-port", "-J", "--known-hosts", "--ssh-config", "--profile", "--attach", "--no-init",
                "--history-size"}) {
            assertTrue(help.contains(option), option + " missing from:\n" + help);
        }
    }

    @Test
    void badOptionsAreReportedWithUsage() {
        assertEquals(2, run("--predict=sometimes", "host"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--predict"), err::toString);
    }

    @Test
    void aBadAttachPortIsAClearError() {
        assertEquals(2, run("--attach", "127.0.0.1", "notaport"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("bad port 'notaport'"), err::toString);
    }

    @Test
    void aNegativeHistorySizeIsAClearErrorBeforeAnyLogin() {
        assertEquals(2, run("--no-init", "--history-size", "-1", "nobody@host.invalid"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("bad --history-size -1"), err::toString);
    }

    @Test
    void predictShortcutsWin() {
        TernCli cli = new TernCli();
        new picocli.CommandLine(cli).parseArgs("-n", "host");
        assertEquals(TernCli.Predict.never, cli.effectivePredict());
    }
}
