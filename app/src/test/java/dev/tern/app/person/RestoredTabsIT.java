package dev.tern.app.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A window restored with several local tabs, used as a person uses it: only the tab in front starts a shell; the
 * others start theirs when the person first switches to them (Ctrl+PageDown), and work at once. The saved window
 * state keeps every tab, started or not, and still does after the person logs out.
 */
class RestoredTabsIT extends PersonTest {
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final int TABS = 3;

    @Test
    void backgroundTabsStartTheirShellsWhenFirstShown() throws Exception {
        Desk desk = new Desk(dir);
        Path window = desk.config.resolve("window.json");
        StringBuilder tabs = new StringBuilder();
        for (int i = 0; i < TABS; i++) {
            tabs.append(i == 0 ? "" : ",").append("{\"kind\":\"LOCAL\",\"target\":\"\"}");
        }
        Files.writeString(window, "{\"width\":1000,\"height\":640,\"maximized\":false,\"sidebarWidth\":0.24,"
                + "\"selectedTab\":0,\"openTabs\":[" + tabs + "]}\n");
        try (TernProcess tern = desk.startTern(x)) {
            tern.awaitTerminalDrawn(STEP);  // as a person waits for the window to be drawn before typing
            tern.focusTerminal();
            Shell.awaitPrompt(x, "first");
            Thread.sleep(1000);  // time enough for background tabs to start shells, had they been going to
            assertEquals(1, tern.shells(), "shells with one of " + TABS + " restored tabs shown");
            x.screenshot(Screens.file("restored-tabs-one-shown"));

            x.key("ctrl+Page_Down");
            Shell.awaitPrompt(x, "second");
            assertEquals(2, tern.shells(), "shells once the second tab was shown");
            // the selection changed, so the window state was saved again: the tab still waiting is in it
            String saved = XDisplay.waitFor("the window state with the second tab selected", STEP, () -> Optional
                    .of(read(window)).filter(s -> s.replaceAll("\\s", "").contains("\"selectedTab\":1")));
            assertEquals(TABS, saved.split("\"LOCAL\"", -1).length - 1, "local tabs kept to reopen: " + saved);
            Path answer = Scripts.sharedFolder().resolve("restored-second-" + System.nanoTime());
            assertEquals("42", Shell.runAndRead(x, "echo $((6*7)) > " + answer, answer, STEP).strip(),
                    "the second tab's shell runs what the person types");

            x.key("ctrl+Page_Down");
            Shell.awaitPrompt(x, "third");
            assertEquals(3, tern.shells(), "shells once every tab was shown");
            assertEquals(List.of(), tern.loggedExceptions(), "exceptions in Tern's log");
        }
        // the person logs out (SIGTERM, as TernProcess.close sends): the shells end with the app, and every tab is
        // still there to reopen, the third one selected
        String afterLogout = read(window).replaceAll("\\s", "");
        assertEquals(TABS, afterLogout.split("\"LOCAL\"", -1).length - 1, "tabs to reopen after logout: " + afterLogout);
        assertTrue(afterLogout.contains("\"selectedTab\":2"), afterLogout);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
