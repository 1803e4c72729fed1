package dev.tern.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.transport.ssh.Prompter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Server-sent text reaches the user's terminal as text: escape sequences and controls are shown, not obeyed. */
class RemoteTextTest {
    /** Retitles the window, clears the screen, moves the cursor home, and asks the terminal to answer back. */
    private static final String HOSTILE = "Welcome\033]0;pwned\007\033[2J\033[H\033[c\u009b31mred\u0007";

    @Test
    void escapeSequencesAndControlsAreShownAsOctalEscapes() {
        assertEquals("Welcome\\033]0;pwned\\007\\033[2J\\033[H\\033[c\\302\\23331mred\\007",
                RemoteText.printable(HOSTILE));
        assertEquals("a\\000b\\177c\\010d", RemoteText.printable("a\0b\u007fc\bd"));
    }

    @Test
    void aLoneCarriageReturnCannotOverwriteTheLineButCrlfIsALineBreak() {
        assertEquals("Password for alice\\015Password for root", RemoteText.printable(
                "Password for alice\rPassword for root"));
        assertEquals("line one\nline two\n", RemoteText.printable("line one\r\nline two\r\n"));
    }

    @Test
    void textTabsLineBreaksAndOtherScriptsPass() {
        String friendly = "Authorised use only.\n\tGrüße, 你好, ✓ 🚀\nPath: C:\\Users\\bob\n";
        assertEquals(friendly, RemoteText.printable(friendly));
    }

    @Test
    void directionOverridesAndBrokenSurrogatesAreNotPassedOn() {
        assertEquals("file\\342\\200\\256txt.exe", RemoteText.printable("file\u202etxt.exe"));
        assertEquals("a\uFFFDb", RemoteText.printable("a\ud800b"));
        assertEquals("a\\342\\200\\250b", RemoteText.printable("a\u2028b"));
    }

    @Test
    void theBannerAndKeyboardInteractiveTextsArePrintedSafely() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsolePrompter prompter = new ConsolePrompter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        prompter.banner(HOSTILE + "\n");
        Optional<List<String>> answers = prompter.keyboardInteractive("alice@host", "Verify\033[8m",
                "Enter code\u009b2J", List.<Prompter.KeyboardPrompt>of());
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(Optional.of(List.of()), answers);
        assertTrue(printed.contains("Welcome\\033]0;pwned\\007"), printed);
        assertTrue(printed.contains("Verify\\033[8m\n"), printed);
        assertTrue(printed.contains("Enter code\\302\\2332J\n"), printed);
        assertTrue(printed.chars().noneMatch(c -> c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 && c <= 0x9f),
                "a control character reached the terminal: " + printed.replace("\033", "<ESC>"));
        assertFalse(printed.contains("\033"), printed);
    }
}
