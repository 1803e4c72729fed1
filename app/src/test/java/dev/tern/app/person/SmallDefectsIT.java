package dev.tern.app.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.AuthMethod;
import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.MoshOptions;
import dev.tern.app.profile.Profile;
import dev.tern.app.profile.TerminalOptions;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smaller defects a new user met, each tried in the real window: the search bar's legibility, a failed tab's way
 * out, and the selected tab in an overflowing tab strip. Buttons are found on screen by their words (OCR), as a
 * person finds them.
 */
class SmallDefectsIT {
    private static final Duration STEP = Duration.ofSeconds(30);
    private static XDisplay x;

    @TempDir
    Path dir;

    @BeforeAll
    static void display() throws Exception {
        x = XDisplay.start();
    }

    @AfterAll
    static void closeDisplay() {
        if (x != null) {
            x.close();
        }
    }

    @Test
    void theSearchBarCanBeRead() throws Exception {
        try (TernProcess tern = new Desk(dir).startTern(x)) {
            openLocalTab(tern);
            x.type("clear; echo needle-one needle-two");
            x.key("Return");
            Thread.sleep(800);
            x.key("ctrl+shift+f");
            Thread.sleep(800);
            x.type("needle");
            Thread.sleep(1000);
            Path shot = Screens.file("small-search-bar");
            x.screenshot(shot);
            int[] g = x.geometry(tern.window());
            // the case option and the match count, at the right of the bar over the terminal's top right corner
            String text = Ocr.readLightLine(shot, g[0] + g[2] - 250, g[1] + 93, 200, 30).toLowerCase();
            assertTrue(text.contains("ignore case"), "the case option is legible; OCR read: " + text);
            assertTrue(text.matches("(?s).*1 ?of ?2.*"), "the match count is legible; OCR read: " + text);
        }
    }

    @Test
    void aFailedTabOffersToEditTheProfileAndIsNotReopenedNextTime() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Profile nowhere = new Profile(null, "nowhere", "", ConnectionKind.SSH, "127.0.0.1", closedPort, "nobody",
                AuthMethod.AUTOMATIC, "", "", false, MoshOptions.DEFAULTS, "", TerminalOptions.DEFAULTS);
        Desk desk = new Desk(dir).withProfiles(nowhere);
        try (TernProcess tern = desk.startTern(x)) {
            KeyDifferentialIT.openProfileOn(x, tern, "nowhere");
            x.clickText("Edit", STEP);
            x.waitForWindow("^Edit profile.*", STEP);
            x.screenshot(Screens.file("small-failed-tab-edit"));
            x.clickText("Cancel", STEP);
            Thread.sleep(500);
            x.requestClose(tern.window());
            assertTrue(tern.waitForExit(Duration.ofSeconds(10)), "Tern quits (no live session, no question)");
        }
        try (TernProcess again = desk.startTern(x)) {
            Thread.sleep(3000);
            Path shot = Screens.file("small-failed-tab-not-restored");
            x.screenshot(shot);
            assertTrue(Ocr.read(shot).contains("No open sessions"), "the failed tab came back after a restart");
        }
    }

    @Test
    void theSelectedTabStaysInViewWhenTheTabsOverflow() throws Exception {
        try (TernProcess tern = new Desk(dir).startTern(x)) {
            for (int i = 1; i <= 12; i++) {
                openLocalTab(tern);
                x.type("printf '\\033]0;Tab%02d-here\\007'".formatted(i));
                x.key("Return");
                Thread.sleep(300);
            }
            Thread.sleep(1500);
            Path shot = Screens.file("small-many-tabs");
            x.screenshot(shot);
            assertTrue(Ocr.read(shot).contains("Tab12"), "the selected (last) tab is in view");
        }
    }

    private static void openLocalTab(TernProcess tern) throws Exception {
        tern.focusWindow();
        x.key("ctrl+shift+t");
        Thread.sleep(1500);
        tern.focusTerminal();
        Shell.awaitPrompt(x, "local");
    }



}
