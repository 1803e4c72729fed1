package dev.tern.app.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A person's first hour with Tern, in a real window with real key presses: add a profile in the editor, trust the
 * host key, connect over Mosh, work in vim and the shell (capitals, Esc, Ctrl+C, Ctrl+D), copy and paste through
 * the X clipboard, zoom and resize, open more tabs, reorder and close them, and quit. Results are read from the
 * files the remote shell writes; screenshots of each step go to target/screenshots/person.
 */
@ExtendWith(TestBed.class)
class FirstHourIT extends PersonTest {
    private static final Duration STEP = Duration.ofSeconds(30);
    @Test
    void aFirstHourOverMosh(SshServer server) throws Exception {
        try {
            firstHour(server);
        } catch (AssertionError | RuntimeException e) {
            System.out.println("failed; the app's last screen is target/screenshots/person/last-*.png");
            throw e;
        }
    }

    private void firstHour(SshServer server) throws Exception {
        Instant began = Instant.now();
        Desk desk = new Desk(dir).withDefaultKey(server);
        Path shared = Scripts.sharedFolder();
        try (TernProcess tern = desk.startTern(x)) {
            shot("1-empty-sidebar");

            // add a profile through the editor's fields (kind Mosh and automatic authentication are the defaults)
            addProfileInEditor(tern, "my server", server.host(), server.port(), server.user());
            shot("2-profile-saved");

            // connect: double-click the profile in the sidebar; the unknown host key is shown and trusted
            tern.focusWindow();
            x.doubleClickIn(tern.window(), 120, 150);  // the first profile of the sidebar
            long hostKey = x.waitForWindow("^New host key$", STEP);
            Thread.sleep(500);
            shot("3-host-key");
            int[] h = x.geometry(hostKey);
            x.clickIn(hostKey, h[2] - 91, h[3] - 32, 1);  // "Trust and connect", the rightmost button
            tern.focusTerminal();
            Shell.awaitPrompt(x, "mosh");
            assertTrue(dev.tern.app.KnownHostsLines.hasHost(desk.home.resolve(".ssh/known_hosts"),
                    "[" + server.host() + "]:" + server.port()), "the trusted key is in ~/.ssh/known_hosts");
            shot("4-mosh-connected");

            // vim: capitals in insert mode, Esc, :wq
            Path vimFile = shared.resolve("vim.txt");
            x.type("vim " + vimFile);
            x.key("Return");
            Thread.sleep(1500);
            x.key("i");
            x.type("Hello World From Tern");
            x.key("Escape");
            x.type(":wq");
            x.key("Return");
            assertEquals("Hello World From Tern\n", awaitFile(vimFile), "what vim saved");

            // Ctrl+C interrupts, Ctrl+D ends input
            x.type("sleep 60");
            x.key("Return");
            Thread.sleep(700);
            x.key("ctrl+c");
            assertEquals("130", Shell.runAndRead(x, "echo $? > " + shared.resolve("interrupted.txt"),
                    shared.resolve("interrupted.txt"), STEP).trim(), "sleep ended by SIGINT");
            Path catFile = shared.resolve("cat.txt");
            x.type("cat > " + catFile + "; echo done > " + shared.resolve("cat-done.txt"));
            x.key("Return");
            Thread.sleep(700);
            x.type("typed Line");
            x.key("Return", "ctrl+d");
            awaitFile(shared.resolve("cat-done.txt"));
            assertEquals("typed Line\n", Files.readString(catFile), "cat got the line and then EOF");
            shot("5-vim-and-shell");

            // copy: select all (Ctrl+Shift+A), copy (Ctrl+Shift+C), read the X clipboard
            x.type("clear; echo COPY-$((6*7))-ME");
            x.key("Return");
            Thread.sleep(1000);
            x.key("ctrl+shift+a", "ctrl+shift+c");
            assertTrue(awaitClipboard("clipboard", "COPY-42-ME"), "the copied text is on the clipboard");
            // copy with the mouse: a drag over the screen puts the selection on the clipboard by copy
            int[] p = tern.terminalPoint();
            int[] g = x.geometry(tern.window());
            x.setClipboard("clipboard", "(nothing copied yet)");
            x.dragIn(tern.window(), 271, 97, g[2] - 20, p[1]);  // from the first cell of the first row
            x.key("ctrl+shift+c");
            assertTrue(awaitClipboard("clipboard", "COPY-42-ME"), "the mouse selection is on the clipboard");

            // paste: Ctrl+Shift+V and middle click
            x.setClipboard("clipboard", "echo pasted-$((2+3)) > " + shared.resolve("paste.txt"));
            x.key("ctrl+shift+v", "Return");
            assertEquals("pasted-5\n", awaitFile(shared.resolve("paste.txt")));
            x.setClipboard("primary", "echo middle-$((3+4)) > " + shared.resolve("middle.txt"));
            x.clickIn(tern.window(), p[0], p[1], 2);
            x.key("Return");
            assertEquals("middle-7\n", awaitFile(shared.resolve("middle.txt")));
            // a hostile paste cannot end the bracket and run a command (bash >= 5.1 brackets pastes)
            Path injected = shared.resolve("injected.txt");
            x.setClipboard("clipboard", "echo safe\u001b[201~; touch " + injected + "\r");
            x.key("ctrl+shift+v");
            Thread.sleep(1500);
            assertFalse(Files.exists(injected), "a pasted ESC [201~ ran a command");
            x.key("ctrl+u");
            shot("6-copy-paste");

            // zoom and resize change the terminal's size, which the remote side sees
            int columns = columns(shared, "cols-1");
            x.key("ctrl+equal", "ctrl+equal", "ctrl+equal");
            Thread.sleep(1000);
            int zoomed = columns(shared, "cols-2");
            assertTrue(zoomed < columns, "zooming in leaves fewer columns: " + columns + " -> " + zoomed);
            x.key("ctrl+0");
            x.resize(tern.window(), 900, 600);
            Thread.sleep(1500);
            tern.focusTerminal();
            int narrow = columns(shared, "cols-3");
            assertTrue(narrow < columns, "a narrower window has fewer columns: " + columns + " -> " + narrow);
            x.resize(tern.window(), 1100, 700);
            shot("7-zoom-resize");

            // search the scrollback
            x.key("ctrl+shift+f");
            Thread.sleep(500);
            x.type("COPY");
            Thread.sleep(700);
            shot("8-search");
            x.key("Escape");
            tern.focusTerminal();

            // more tabs: a local shell beside it, reordered, then closed
            x.key("ctrl+shift+t");
            Thread.sleep(1500);
            tern.focusTerminal();
            Shell.awaitPrompt(x, "local");
            x.key("ctrl+shift+Prior");
            Thread.sleep(500);
            shot("9-two-tabs-reordered");
            x.key("ctrl+shift+w");
            long ask = x.waitForWindow("^Close tab$", STEP);
            pause(800);
            int[] a = x.geometry(ask);
            x.clickIn(ask, a[2] - 60, a[3] - 32, 1);  // "Close tab", the rightmost button
            Thread.sleep(1000);
            shot("10-tab-closed");

            // quit like a person: the window's close button, then "End all sessions" in the question
            Set<Long> servers = MoshServers.of(server.user(), began);
            assertFalse(servers.isEmpty(), "a mosh-server serves the Mosh tab");
            x.requestClose(tern.window());
            long question = x.waitForWindow("^Quit Tern$", STEP);
            pause(800);
            shot("11-quit-question");
            x.focus(question);
            x.key("alt+e");  // "_End all sessions"
            long asked = System.nanoTime();
            assertTrue(tern.waitForExit(Duration.ofSeconds(3)), "Tern still runs 3 s after Quit");
            System.out.println("quit took " + (System.nanoTime() - asked) / 1_000_000 + " ms");
            tern.log().lines().filter(l -> l.startsWith("tern: quit")).forEach(System.out::println);
            MoshServers.awaitGone(servers, Duration.ofSeconds(3));
            assertEquals(List.of(), tern.loggedExceptions(), "exceptions in Tern's log");
        }
    }

    private static void addProfileInEditor(TernProcess tern, String name, String host, int port, String user) {
        tern.focusWindow();
        x.clickIn(tern.window(), 115, 25, 1);  // the "+" (new profile) button at the top of the sidebar
        long editor = x.waitForWindow("^New profile$", STEP);
        pause(800);  // a person looks at the dialog before typing; keys sent while it maps are lost
        x.focus(editor);
        int[] e = x.geometry(editor);
        x.clickIn(editor, 360, 83, 1);  // into the Name field
        x.type(name);
        x.key("Tab", "Tab", "Tab");  // group, kind (Mosh by default)
        x.type(host);
        x.key("Tab");
        x.type(String.valueOf(port));
        x.key("Tab");
        x.type(user);
        shot("2a-editor-filled");
        x.clickIn(editor, e[2] - 57, e[3] - 31, 1);  // Save, at the bottom right
        XDisplay.waitFor("the profile in profiles.json", STEP, () -> profilesFile(tern).contains("\"" + name + "\"")
                ? Optional.of(true) : Optional.empty());
    }

    private static String profilesFile(TernProcess tern) {
        try {
            return Files.readString(tern.configDir().resolve("profiles.json"));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int columns(Path shared, String name) throws Exception {
        Path file = shared.resolve(name + ".txt");
        return Integer.parseInt(Shell.runAndRead(x, "tput cols > " + file, file, STEP).trim());
    }

    private static String awaitFile(Path file) throws Exception {
        XDisplay.waitFor(file.getFileName().toString(), STEP, () -> {
            try {
                return Files.exists(file) && !Files.readString(file).isEmpty() ? Optional.of(true) : Optional.empty();
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        });
        Thread.sleep(200);
        return Files.readString(file);
    }

    private static boolean awaitClipboard(String selection, String text) {
        try {
            return XDisplay.waitFor("the " + selection + " to hold " + text, Duration.ofSeconds(10),
                    () -> x.clipboard(selection).contains(text) ? Optional.of(true) : Optional.empty());
        } catch (AssertionError e) {
            return false;
        }
    }

    private static void shot(String name) {
        x.screenshot(Screens.file("first-hour-" + name));
    }
}
