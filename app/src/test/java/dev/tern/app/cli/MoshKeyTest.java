package dev.tern.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The session key in {@code MOSH_KEY} reaches no child process of {@code tern --attach}, however it is started. */
class MoshKeyTest {
    private static final String KEY = "BwgJCgsMDQ4PEBESExQVFg";

    @Test
    void noChildProcessSeesTheSessionKey() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", classPath,
                MoshKeyProbe.class.getName()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true);
        builder.environment().put(MoshKeyVariable.NAME, KEY);
        Process probe = builder.start();
        String report = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), report);
        assertEquals(0, probe.exitValue(), report);

        // the probe ran: tern took the key (it stopped at the missing terminal, not at a missing key), children ran
        assertTrue(report.contains("tern exited 2: tern: standard input is not a terminal"), report);
        for (String child : List.of("== plain ProcessBuilder", "== edited ProcessBuilder", "== pty4j",
                "== /proc environ")) {
            assertTrue(report.contains(child + "\n") && report.contains("PATH="), child + " missing:\n" + report);
        }
        assertTrue(report.contains("TERN_PROBE=1"), report);
        assertFalse(report.contains(KEY), "a child saw the key:\n" + report);
        assertFalse(report.contains(MoshKeyVariable.NAME + "="), "a child saw the variable:\n" + report);
        assertTrue(report.contains("== System.getenv\nnull"), report);
    }
}
