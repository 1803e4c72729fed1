package dev.tern.transport.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bridge between JSch's questions and the Prompter, without a server. */
class LoginPromptsTest {
    private static final LoginHop HOP = new LoginHop("u", "h", 22, true);

    @Test
    void severalKeyboardInteractivePromptsAreAnsweredInOrder() {
        RecordingPrompter prompter = new RecordingPrompter().keyboardScript(List.of(List.of("pw", "123456")));
        LoginPrompts prompts = new LoginPrompts(prompter, HOP);
        String[] answers = prompts.promptKeyboardInteractive("u@h", "2FA", "Enter both", new String[] {"Password: ",
                "Verification code: "}, new boolean[] {false, true});
        assertArrayEquals(new String[] {"pw", "123456"}, answers);
        assertEquals(List.of(new Prompter.KeyboardPrompt("Password: ", false),
                new Prompter.KeyboardPrompt("Verification code: ", true)), prompter.keyboardRequests.getFirst());
        assertNull(prompts.promptKeyboardInteractive("u@h", "", "", new String[] {"again: "}, new boolean[] {false}),
                "no more answers: cancelled");
        assertTrue(prompts.secretGiven());
        assertEquals(List.of("keyboard-interactive"), prompts.methodsTried());
    }

    @Test
    void shortOrOddAnswersAndInformationOnlyRounds() {
        RecordingPrompter prompter = new RecordingPrompter().keyboardScript(List.of(List.of("only one")));
        LoginPrompts prompts = new LoginPrompts(prompter, HOP);
        assertArrayEquals(new String[0], prompts.promptKeyboardInteractive("u@h", "Notice", "code accepted",
                new String[0], new boolean[0]));
        assertEquals(List.of("Notice\ncode accepted"), prompter.banners);
        assertArrayEquals(new String[] {"only one", ""}, prompts.promptKeyboardInteractive("u@h", null, null,
                new String[] {"a", "b"}, null));
    }

    @Test
    void passphrasesAreAskedPerKeyAtMostThreeTimes() {
        RecordingPrompter prompter = new RecordingPrompter().passphrases("a", "b", "c", "d");
        LoginPrompts prompts = new LoginPrompts(prompter, HOP);
        for (int i = 0; i < 3; i++) {
            assertTrue(prompts.promptPassphrase("Passphrase for /keys/id_one"));
        }
        assertEquals("c", prompts.getPassphrase());
        assertFalse(prompts.promptPassphrase("Passphrase for /keys/id_one"), "a fourth try is refused");
        assertTrue(prompts.promptPassphrase("Passphrase for /keys/id_two"), "another key has its own count");
        assertEquals(List.of(1, 2, 3, 1), prompter.passphraseAttempts);
    }

    @Test
    void aCancelledPasswordIsNotASecret() {
        LoginPrompts prompts = new LoginPrompts(new RecordingPrompter(), HOP);
        assertFalse(prompts.promptPassword("Password for u@h"));
        assertTrue(prompts.anyCancelled());
        assertFalse(prompts.secretGiven());
        assertFalse(prompts.promptYesNo("anything"), "JSch's own yes/no questions are always answered no");
    }
}
