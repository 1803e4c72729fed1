package dev.tern.app.person;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tern.app.profile.ConnectionKind;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keys byte-exact with xterm: the same xdotool key presses typed into Debian's xterm and into a Tern tab (local
 * shell, SSH, Mosh) reach a raw-mode program as the same bytes, key by key, in normal and in application
 * cursor/keypad mode.
 *
 * <p>Not compared, because the two terminals keep them for themselves on purpose: Tern's shortcuts
 * (Ctrl+Shift+C/V/A/F/T/W, Ctrl+PgUp/PgDn and Ctrl+Tab between tabs, Ctrl with +, − or 0 for zoom), the keys
 * xterm also keeps (Shift+Insert pastes; Alt+Enter is xterm's full-screen toggle), and Ctrl-^, the Mosh escape key.
 * Shift+PgUp/PgDn scroll the history in both and send nothing, which is compared. The keypad's Enter is compared
 * in normal mode only: JavaFX reports it as the main Enter key. A Mosh tab is compared with the official
 * mosh-client running in xterm, since that is what a Mosh user's keys go through.
 */
@ExtendWith(TestBed.class)
class KeyDifferentialIT extends PersonTest {
    static final List<String> KEYS = List.of(
            // letters, modifiers alone and combined, Caps Lock
            "a", "z", "shift+a", "shift", "ctrl", "alt", "super", "Caps_Lock", "b", "shift+b", "Caps_Lock",
            "ctrl+a", "ctrl+c", "ctrl+d", "ctrl+z", "ctrl+l", "ctrl+f", "ctrl+shift+x", "alt+x", "alt+shift+x",
            "ctrl+alt+x", "super+a", "super+shift+b", "shift+ctrl", "ctrl+alt",
            // digits and punctuation with Ctrl and Alt (X's control mapping)
            "ctrl+space", "ctrl+2", "ctrl+3", "ctrl+8", "ctrl+1", "ctrl+slash", "ctrl+bracketleft",
            "ctrl+backslash", "ctrl+bracketright", "ctrl+shift+minus", "alt+space", "alt+1", "ctrl+alt+space",
            "shift+space",
            // cursor keys with modifiers
            "Up", "Down", "Right", "Left", "shift+Up", "ctrl+Left", "alt+Right", "ctrl+shift+Down", "ctrl+alt+Up",
            "shift+alt+Left", "super+Up",
            // editing keys
            "Home", "End", "shift+Home", "ctrl+End", "Prior", "Next", "alt+Prior", "shift+Prior", "shift+Next",
            "Insert", "Delete", "ctrl+Insert", "ctrl+Delete", "shift+Delete", "alt+Delete",
            "BackSpace", "ctrl+BackSpace", "alt+BackSpace", "shift+BackSpace",
            "Tab", "shift+Tab", "alt+Tab", "Escape", "alt+Escape", "ctrl+Escape", "Return", "shift+Return",
            "ctrl+Return",
            // function keys with modifiers
            "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12",
            "shift+F1", "ctrl+F2", "alt+F3", "ctrl+shift+F4", "shift+F5", "ctrl+F6", "alt+F7", "shift+alt+F8",
            "ctrl+F9", "shift+F10", "alt+F11", "ctrl+F12",
            // keypad
            "KP_0", "KP_1", "KP_5", "KP_9", "KP_Enter", "KP_Add", "KP_Subtract", "KP_Multiply", "KP_Divide",
            "KP_Decimal");

    private static final Map<String, Map<String, String>> XTERM = new HashMap<>();

    @BeforeAll
    static void recordXterm() throws Exception {
        for (String mode : List.of("normal", "app")) {
            XTERM.put(mode, Xterm.record(x, new KeyCapture("xterm", mode), KEYS));
            XTERM.put("mosh-" + mode, Xterm.recordThroughMosh(x, new KeyCapture("xterm-mosh", mode), KEYS));
        }
    }

    @Test
    void localTabSendsWhatXtermSends() throws Exception {
        try (TernProcess tern = new Desk(dir).startTern(x)) {
            tern.focusWindow();
            x.key("ctrl+shift+t");
            compareInTab(tern, "local");
        }
    }

    @Test
    void sshTabSendsWhatXtermSends(SshServer server) throws Exception {
        Desk desk = new Desk(dir).trusting(server).withProfiles(Desk.testbed("keys ssh", ConnectionKind.SSH, server));
        try (TernProcess tern = desk.startTern(x)) {
            openProfileOn(x, tern, "keys ssh");
            compareInTab(tern, "ssh");
        }
    }

    @Test
    void moshTabSendsWhatXtermSends(SshServer server) throws Exception {
        Desk desk = new Desk(dir).trusting(server)
                .withProfiles(Desk.testbed("keys mosh", ConnectionKind.MOSH, server));
        try (TernProcess tern = desk.startTern(x)) {
            openProfileOn(x, tern, "keys mosh");
            compareInTab(tern, "mosh");
        }
    }

    /** JavaFX reports the keypad's Enter as the main Enter key: in application keypad mode it cannot send SS3 M. */
    private static Map<String, String> without(Map<String, String> keys, String mode) {
        Map<String, String> compared = new java.util.LinkedHashMap<>(keys);
        if (mode.equals("app")) {
            compared.remove("KP_Enter");
        }
        return compared;
    }

    /** As a person does: the sidebar's filter has the focus at start; type the name, press Enter. */
    static void openProfileOn(XDisplay display, TernProcess tern, String name) {
        tern.focusWindow();
        display.type(name);
        display.key("Return");
    }

    private void compareInTab(TernProcess tern, String tab) throws Exception {
        try {
            compareModes(tern, tab);
        } catch (AssertionError | RuntimeException e) {
            x.screenshot(Screens.file("keys-" + tab + "-failed"));
            throw e;
        }
    }

    private void compareModes(TernProcess tern, String tab) throws Exception {
        for (String mode : List.of("normal", "app")) {
            KeyCapture capture = new KeyCapture(tab, mode);
            tern.focusTerminal();
            Shell.awaitPrompt(x, tab);
            x.type(capture.commandLine());
            x.key("Return");
            capture.awaitReady();
            Map<String, String> got = capture.record(x, KEYS);
            String reference = tab.equals("mosh") ? "mosh-" + mode : mode;
            assertEquals(List.of(), KeyCapture.differences(without(XTERM.get(reference), mode), without(got, mode)),
                    tab + " tab, " + mode + " mode: keys that send other bytes than in "
                            + (tab.equals("mosh") ? "mosh-client in xterm" : "xterm"));
        }
        x.screenshot(Screens.file("keys-" + tab));
        assertEquals(List.of(), tern.loggedExceptions(), "exceptions in Tern's log");
    }
}
