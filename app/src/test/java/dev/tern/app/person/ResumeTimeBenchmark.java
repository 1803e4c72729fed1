package dev.tern.app.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.ConnectionKind;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The time from the start of the app to the live screen of its restored Mosh tab: taking a kept session up again,
 * against starting a new session over SSH for the same tab, alternated, nine of each (run by {@code bench/resume.sh};
 * the figures go to the output file, nothing about them is asserted).
 */
@Tag("benchmark")
@ExtendWith(TestBed.class)
class ResumeTimeBenchmark extends PersonTest {
    private static final int RUNS = 9;
    private static final Pattern LIVE = Pattern.compile("restored-live-ms=(\\d+) resumed=(\\d+)");
    private static final Pattern FIRST_FRAME = Pattern.compile("first-frame-ms=(\\d+)");

    @Test
    void startToTheResumedLiveScreen(SshServer server) throws Exception {
        Desk desk = new Desk(dir).trusting(server).withProfiles(Desk.testbed("bench", ConnectionKind.MOSH, server));
        Instant began = Instant.now();
        try {
            try (TernProcess tern = desk.startTern(x)) {
                KeyDifferentialIT.openProfileOn(x, tern, "bench");
                tern.focusTerminal();
                Shell.awaitPrompt(x, "bench");
                x.requestClose(tern.window());
                x.focus(x.waitForWindow("^Quit Tern$", Duration.ofSeconds(20)));
                Thread.sleep(800);
                x.clickText("Remember", Duration.ofSeconds(10));
                x.key("alt+k");
                assertTrue(tern.waitForExit(Duration.ofSeconds(5)));
            }
            List<Long> resumed = new ArrayList<>(), fresh = new ArrayList<>(), frames = new ArrayList<>();
            Path window = desk.config.resolve("window.json");
            for (int run = 0; run < RUNS; run++) {
                for (boolean resume : new boolean[]{true, false}) {
                    if (!resume) {
                        // the same tab, told to start a new session (the kept one stays, and is ended at the end)
                        Files.writeString(window, Files.readString(window)
                                .replaceAll("\"sessionId\"\\s*:\\s*\"[0-9a-f]+\"", "\"sessionId\" : null"));
                    }
                    Path log = dir.resolve("run-" + run + (resume ? "-resume" : "-new") + ".log");
                    try (TernProcess tern = desk.startTern(x, "-Dtern.startupProbe=print", log)) {
                        Matcher live = XDisplay.waitFor("the restored tab to go live", Duration.ofSeconds(60), () -> {
                            Matcher m = LIVE.matcher(tern.log());
                            return m.find() ? Optional.of(m) : Optional.empty();
                        });
                        assertEquals(resume ? "1" : "0", live.group(2), "run " + run + ": the tab resumed or not");
                        (resume ? resumed : fresh).add(Long.parseLong(live.group(1)));
                        Matcher frame = FIRST_FRAME.matcher(tern.log());
                        if (frame.find()) {
                            frames.add(Long.parseLong(frame.group(1)));
                        }
                        x.requestClose(tern.window());  // the remembered answer: keep
                        assertTrue(tern.waitForExit(Duration.ofSeconds(5)), "run " + run + ": Tern did not quit");
                    }
                }
            }
            long r = median(resumed), n = median(fresh);
            System.out.println("BENCH resume: start of the app to the live screen of its restored Mosh tab, median of "
                    + RUNS + ": resumed " + r + " ms, new session over SSH " + n + " ms (ratio " + String.format(
                    java.util.Locale.ROOT, "%.2f", (double) r / n) + "); first frame " + median(frames)
                    + " ms; resumed " + resumed + ", new " + fresh);
        } finally {
            MoshServers.kill(MoshServers.of(server.user(), began));
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }
}
