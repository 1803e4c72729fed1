package dev.tern.app.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.AppSettings;
import dev.tern.app.profile.AuthMethod;
import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.MoshOptions;
import dev.tern.app.profile.PredictionMode;
import dev.tern.app.profile.Profile;
import dev.tern.app.profile.ProfileEdits;
import dev.tern.app.profile.ProfileStore;
import dev.tern.app.profile.TerminalOptions;
import dev.tern.testbed.SeqOutput;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Mosh tab's complete history (#16, docs/ARCHITECTURE.md §13) as a person finds it: scrollback set to 200,000
 * lines in the settings, {@code seq 1 100000} typed into a Mosh tab of the real window, then the whole history
 * taken the way a person takes it (select all, copy, the X clipboard). With complete history on, every line is
 * there, once and in order, and no "lines not received" marker is left; with the profile's history size 0, each
 * line mosh skipped is inside one marker row, and no row is blank.
 */
@ExtendWith(TestBed.class)
class CompleteHistoryIT extends PersonTest {
    private static final int LINES = 100_000;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void everyLineOfSeqIsInTheCopiedHistory(SshServer server) throws Exception {
        assertEveryLineOnce(seqInATab(server, "history-on", null));
    }

    private static void assertEveryLineOnce(String copied) {
        String wrong = SeqOutput.wrongIn(copied, LINES);
        assertTrue(wrong == null, wrong);
    }

    @Test
    void withHistoryOffEachGapIsOneMarkerAndNoRowIsBlank(SshServer server) throws Exception {
        String copied = seqInATab(server, "history-off", 0);
        List<String> rows = List.of(copied.split("\n", -1));
        int from = SeqOutput.outputStart(rows);
        assertTrue(from > 0 && rows.subList(0, from).stream().anyMatch(r -> r.contains("$")),
                "a prompt comes before the output in the copied history");
        int markers = SeqOutput.assertGapsMarked(rows.subList(from, rows.size()), LINES, "seq-42");
        assertTrue(markers > 0, "mosh skipped lines, as it does, and the history says so");
        System.out.println("history off: " + markers + " markers");
    }

    /**
     * Opens a Mosh tab of a fresh profile (complete history at {@code historyMegabytes}, null for the default),
     * runs {@code seq 1 100000} there and returns the copied history once it no longer changes.
     */
    private String seqInATab(SshServer server, String name, Integer historyMegabytes) throws Exception {
        Desk desk = desk(server, name, historyMegabytes);
        Path done = Scripts.sharedFolder().resolve("seq-done-" + name);
        try (TernProcess tern = desk.startTern(x)) {
            KeyDifferentialIT.openProfileOn(x, tern, name);
            tern.focusTerminal();
            Shell.awaitPrompt(x, name);
            // the shell computes the mark, so the echo of the command line cannot be taken for it
            x.type("seq 1 " + LINES + "; echo seq-$((40+2)); touch " + done);
            x.key("Return");
            XDisplay.waitFor("seq to end", PATIENCE, () -> Files.exists(done) ? Optional.of(true) : Optional.empty());
            String copied = copiedHistory(historyMegabytes == null);
            x.screenshot(Screens.file("history-" + name));
            assertEquals(List.of(), tern.loggedExceptions(), "exceptions in Tern's log");
            return copied;
        }
    }

    /**
     * The focused tab's history and screen as a person copies them (select all, copy), once the copy stops
     * changing and shows the output's end; with {@code complete}, also once no marker is left.
     */
    private static String copiedHistory(boolean complete) {
        String[] last = {""};
        try {
            return XDisplay.waitFor("the history to settle", PATIENCE, () -> {
                x.key("ctrl+shift+a", "ctrl+shift+c");
                String now = x.clipboard("clipboard");
                boolean settled = now.contains("seq-42") && now.equals(last[0])
                        && (!complete || now.lines().noneMatch(CompleteHistoryIT::isMarker));
                last[0] = now;
                return settled ? Optional.of(now) : Optional.empty();
            });
        } catch (AssertionError e) {
            x.screenshot(Screens.file("history-unsettled"));
            List<String> lines = last[0].lines().toList();
            throw new AssertionError(e.getMessage() + "; the last copy: " + lines.size() + " rows, "
                    + lines.stream().filter(l -> isNumber(l.strip())).count() + " numbered, "
                    + lines.stream().filter(CompleteHistoryIT::isMarker).toList() + ", first rows "
                    + lines.subList(0, Math.min(8, lines.size())) + ", last rows "
                    + lines.subList(Math.max(0, lines.size() - 8), lines.size()), e);
        }
    }

    /** A person's desk with a Mosh profile for the test bed and 200,000 lines of scrollback in the settings. */
    private Desk desk(SshServer server, String name, Integer historyMegabytes) throws Exception {
        Profile profile = new Profile(null, name, "", ConnectionKind.MOSH, server.host(), server.port(),
                server.user(), AuthMethod.KEY_FILE, server.ed25519Key().toString(), "", false,
                new MoshOptions("", "", "", null, PredictionMode.ADAPTIVE, false, "C.UTF-8", null, historyMegabytes),
                "", TerminalOptions.DEFAULTS);
        Desk desk = new Desk(dir).trusting(server).withProfiles(profile);
        ProfileStore store = new ProfileStore(desk.config);
        store.load();
        AppSettings d = AppSettings.DEFAULTS;
        store.update(ProfileEdits.settings(new AppSettings(d.fontFamily(), d.fontSize(), d.colorScheme(),
                d.prediction(), 2 * LINES, d.theme(), d.cursor(), d.onQuit())));
        return desk;
    }

    private static boolean isMarker(String line) {
        return line.contains("lines not received");
    }

    private static boolean isNumber(String line) {
        return !line.isEmpty() && line.chars().allMatch(Character::isDigit);
    }
}
