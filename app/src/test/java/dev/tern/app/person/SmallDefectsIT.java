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
import org.junit.jupiter.api.Test;

/**
 * Smaller defects a new user met, each tried in the real window: the empty sidebar's actions, the wheel's step,
 * the search bar's legibility, a failed tab's way out, the selected tab in an overflowing tab strip, settings that
 * reach open tabs, and the key chooser's folder. Buttons are found on screen by their words (OCR), as a
 * person finds them.
 */
class SmallDefectsIT extends PersonTest {
    private static final Duration STEP = Duration.ofSeconds(30);
    @Test
    void theEmptySidebarOffersToAddAHostAndToImportSshConfig() throws Exception {
        Desk desk = new Desk(dir);
        Files.writeString(desk.home.resolve(".ssh/config"), "Host buildbox\n  HostName 127.0.0.1\n  User builder\n");
        try (TernProcess tern = desk.startTern(x)) {
            Thread.sleep(1500);
            x.screenshot(Screens.file("small-empty-sidebar"));
            x.clickIn(tern.window(), 141, 196, 1);  // "Add a host", the first button of the empty sidebar
            long editor = x.waitForWindow("^New profile$", STEP);
            Thread.sleep(800);
            int[] e = x.geometry(editor);
            x.clickIn(editor, e[2] - 150, e[3] - 31, 1);  // Cancel, left of Save
            XDisplay.waitFor("the editor to close", STEP,
                    () -> x.findWindow("^New profile$").isEmpty() ? Optional.of(true) : Optional.empty());
            x.clickIn(tern.window(), 141, 238, 1);  // "Import from ~/.ssh/config", below it
            long kind = x.waitForWindow("^Import from .*", STEP);  // connect the imported hosts with: SSH
            Thread.sleep(800);
            int[] k = x.geometry(kind);
            x.clickIn(kind, k[2] - 57, k[3] - 33, 1);  // OK, the rightmost button
            XDisplay.waitFor("the imported host in profiles.json", STEP,
                    () -> read(desk.config.resolve("profiles.json")).contains("buildbox")
                            ? Optional.of(true) : Optional.empty());
            x.screenshot(Screens.file("small-imported"));
            assertEquals(List.of(), tern.loggedExceptions(), "exceptions in Tern's log");
        }
    }

    @Test
    void theWheelScrollsThreeLinesANotch() throws Exception {
        try (TernProcess tern = new Desk(dir).startTern(x)) {
            openLocalTab(tern);
            x.type("clear; seq 1 300");
            x.key("Return");
            Thread.sleep(1500);
            int before = firstVisibleNumber(tern);
            int[] p = tern.terminalPoint();
            x.wheelIn(tern.window(), p[0], p[1], 1);
            Thread.sleep(500);
            assertEquals(3, before - firstVisibleNumber(tern), "lines scrolled by one notch of the wheel");
            x.wheelIn(tern.window(), p[0], p[1], 2);
            Thread.sleep(500);
            assertEquals(9, before - firstVisibleNumber(tern), "lines scrolled by three notches");
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
            tern.focusWindow();
            for (int i = 1; i <= 12; i++) {
                // typed at once: the new tab's shell gets the keys when it is up
                x.key("ctrl+shift+t");
                x.type("printf '\\033]0;Tab%02d-here\\007'".formatted(i));
                x.key("Return");
                Thread.sleep(500);
            }
            Thread.sleep(3000);
            Path shot = Screens.file("small-many-tabs");
            x.screenshot(shot);
            int[] g = x.geometry(tern.window());
            // the tab strip only; OCR reads the digits 1 and 0 as l and O at times
            String strip = Ocr.readRegion(shot, g[0] + 268, g[1] + 55, g[2] - 280, 32)
                    .replaceAll("Tab([0-9OolI|]{2})", "Tab$1").replaceAll("(?<=Tab.?)[lI|]", "1")
                    .replaceAll("(?<=Tab.?)[Oo]", "0");
            assertTrue(strip.contains("Tab12"), "the selected (last) tab is in view; the strip reads: " + strip);
            assertTrue(!strip.contains("Tab01"), "the first tabs are scrolled away; the strip reads: " + strip);
        }
    }

    @Test
    void settingsChangeTheOpenTabsAtOnce() throws Exception {
        try (TernProcess tern = new Desk(dir).startTern(x)) {
            openLocalTab(tern);
            Path before = Scripts.sharedFolder().resolve("settings-cols-before-" + System.nanoTime());
            int colsBefore = Integer.parseInt(Shell.runAndRead(x, "tput cols > " + before, before, STEP).strip());
            int[] g = x.geometry(tern.window());
            int backgroundBefore = pixel(g[0] + g[2] - 30, g[1] + g[3] - 60);

            x.key("ctrl+comma");
            long settings = x.waitForWindow("^Settings$", STEP);
            Thread.sleep(800);
            x.focus(settings);  // (there is no window manager to give a new window the keyboard)
            x.screenshot(Screens.file("small-settings-open"));
            // the font family has the focus; the size is the next field
            x.key("Tab");
            x.key("ctrl+a");
            x.type("24");
            x.clickIn(settings, 223, 138, 1);  // the colour scheme, below it
            Thread.sleep(700);
            x.key("Down");
            x.key("Return");
            Thread.sleep(500);
            x.screenshot(Screens.file("small-settings-changed"));
            x.key("Return");  // OK, the default button
            XDisplay.waitFor("the settings dialog to close", STEP,
                    () -> x.findWindow("^Settings$").isEmpty() ? Optional.of(true) : Optional.empty());
            Thread.sleep(1000);
            x.screenshot(Screens.file("small-settings-applied"));

            tern.focusTerminal();
            Path after = Scripts.sharedFolder().resolve("settings-cols-after-" + System.nanoTime());
            int colsAfter = Integer.parseInt(Shell.runAndRead(x, "tput cols > " + after, after, STEP).strip());
            assertTrue(colsAfter < colsBefore * 3 / 4, "a larger font leaves fewer columns in the open tab: "
                    + colsBefore + " before, " + colsAfter + " after");
            int backgroundAfter = pixel(g[0] + g[2] - 30, g[1] + g[3] - 60);
            assertTrue(backgroundAfter != backgroundBefore, "the open tab's background follows the new colour scheme "
                    + "(#%06x before and after)".formatted(backgroundBefore));
            assertTrue(read(tern.configDir().resolve("profiles.json")).matches("(?s).*\"fontSize\"\\s*:\\s*24\\b.*"),
                    "the size is saved in profiles.json");
            assertEquals(List.of(), tern.loggedExceptions(), "exceptions in Tern's log");
        }
    }

    @Test
    void theKeyChooserOpensInTheSshFolder() throws Exception {
        Desk desk = new Desk(dir);
        // the chooser selects the first file (white on blue, which OCR misses), so the one to read comes second
        Files.writeString(desk.home.resolve(".ssh/0-first"), "not a key\n");
        Files.writeString(desk.home.resolve(".ssh/mykeyfile"), "not a real key\n");
        try (TernProcess tern = desk.startTern(x)) {
            Thread.sleep(1500);
            x.clickIn(tern.window(), 141, 196, 1);  // "Add a host"
            long editor = x.waitForWindow("^New profile$", STEP);
            Thread.sleep(800);
            x.clickText("Authentication", STEP);
            Thread.sleep(500);
            int[] e = x.geometry(editor);
            int[] tab = x.textPosition("Authentication", STEP);
            // the folder button at the right end of the key file's row, the second row below the tab's title
            x.clickAt(e[0] + e[2] - 32, tab[1] + 90, 1);
            long chooser = x.waitForWindow("^Choose a private key$", STEP);
            Thread.sleep(1500);
            Path shot = Screens.file("small-key-chooser");
            x.screenshot(shot);
            // the file of ~/.ssh is listed (textPosition fails the test when it does not show)
            x.textPosition("mykeyfile", Duration.ofSeconds(10));
            x.focus(chooser);
            x.key("Escape");
            XDisplay.waitFor("the chooser to close", STEP,
                    () -> x.findWindow("^Choose a private key$").isEmpty() ? Optional.of(true) : Optional.empty());
            assertEquals(List.of(), tern.loggedExceptions(), "exceptions in Tern's log");
        }
    }

    /** The colour of one screen pixel, as 0xRRGGBB. */
    private static int pixel(int screenX, int screenY) throws Exception {
        Path shot = Files.createTempFile("tern-pixel-", ".png");
        try {
            x.screenshot(shot);
            return javax.imageio.ImageIO.read(shot.toFile()).getRGB(screenX, screenY) & 0xFFFFFF;
        } finally {
            Files.deleteIfExists(shot);
        }
    }

    private static void openLocalTab(TernProcess tern) throws Exception {
        tern.focusWindow();
        x.key("ctrl+shift+t");
        Thread.sleep(1500);
        tern.focusTerminal();
        Shell.awaitPrompt(x, "local");
    }




    /**
     * The number on the top row of the terminal, taken as a person does: select it with the mouse, which puts it on
     * the PRIMARY selection, and read that.
     */
    private static int firstVisibleNumber(TernProcess tern) throws Exception {
        x.setClipboard("primary", "(not selected yet)");
        x.dragIn(tern.window(), 271, 97, 420, 97);
        String row = XDisplay.waitFor("the selected top row", STEP,
                () -> Optional.of(x.clipboard("primary").trim()).filter(r -> r.matches("\\d+(\\s.*)?")));
        return Integer.parseInt(row.lines().findFirst().orElseThrow().trim());
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
