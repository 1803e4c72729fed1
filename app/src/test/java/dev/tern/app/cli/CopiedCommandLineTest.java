package dev.tern.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.AuthMethod;
import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.MoshOptions;
import dev.tern.app.profile.PredictionMode;
import dev.tern.app.profile.Profile;
import dev.tern.app.profile.TernCommandLine;
import dev.tern.app.profile.TerminalOptions;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The desktop app's "Copy as command line", pasted into a shell, reaches tern's own parser as the same profile:
 * words split by a real sh, options parsed by tern's picocli command.
 */
class CopiedCommandLineTest {

    @Test
    void aMoshProfileComesBackWhole() throws Exception {
        Profile profile = new Profile(null, "p", "", ConnectionKind.MOSH, "build.example.org", 2222, "o'brien",
                AuthMethod.KEY_FILE, "/home/o'brien/my keys/id \"lab\"", "bob@bastion:22,carol@inner", false,
                new MoshOptions("mosh-server new -v", "60001:60010", "", null, PredictionMode.EXPERIMENTAL, true,
                        "en_US.UTF-8"),
                "tmux new -A -s main # the usual & more", TerminalOptions.DEFAULTS);
        assertParsesBackTo(profile);
    }

    @Test
    void aPlainProfileAndOneWithATrailingAmpersandComeBackWhole() throws Exception {
        assertParsesBackTo(Profile.remote("p", "", ConnectionKind.MOSH, "", "example.org", null));
        assertParsesBackTo(new Profile(null, "p", "", ConnectionKind.MOSH, "example.org", null, "alice",
                AuthMethod.AGENT, "", "", false, MoshOptions.DEFAULTS, "./serve --port 8080 &",
                TerminalOptions.DEFAULTS));
    }

    private static void assertParsesBackTo(Profile profile) throws Exception {
        String line = TernCommandLine.render(profile).orElseThrow();
        List<String> words = splitBySh(line);
        String locale = words.getFirst();
        TernCli cli = new TernCli();
        new CommandLine(cli).setCaseInsensitiveEnumValuesAllowed(true)
                .parseArgs(words.subList(1, words.size()).toArray(String[]::new));

        String what = line + " -> " + words;
        assertEquals(profile.mosh().locale(), locale, what);
        assertEquals(profile.user().isEmpty() ? profile.host() : profile.user() + "@" + profile.host(),
                cli.destination, what);
        assertEquals(profile.port(), cli.sshPort, what);
        assertEquals(profile.auth() == AuthMethod.KEY_FILE ? List.of(profile.keyFile()) : List.of(), cli.identities,
                what);
        assertEquals(profile.jumpHost().isEmpty() ? null : profile.jumpHost(), cli.jump, what);
        assertEquals(profile.mosh().udpPorts().isEmpty() ? null : profile.mosh().udpPorts(), cli.port, what);
        assertEquals(profile.mosh().serverCommand().isEmpty() ? "mosh-server" : profile.mosh().serverCommand(),
                cli.server, what);
        PredictionMode prediction = profile.mosh().prediction() == null ? PredictionMode.ADAPTIVE
                : profile.mosh().prediction();
        assertEquals(prediction.optionValue(), cli.predict.name(), what);
        assertEquals(profile.mosh().predictOverwrite(), cli.predictOverwrite, what);
        assertEquals(profile.startupCommand().isBlank() ? List.of()
                : TernCommandLine.moshStartupCommand(profile.startupCommand()), cli.command, what);
    }

    /** The words a POSIX shell passes to {@code tern} for the pasted line, after the value of LC_ALL it sets. */
    private static List<String> splitBySh(String line) throws Exception {
        Process sh = new ProcessBuilder("sh", "-c", "tern() { printf '%s\\0' \"${LC_ALL-}\" \"$@\"; }; " + line)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(sh.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, sh.exitValue(), line);
        return Arrays.asList(output.split("\0", -1)).subList(0, (int) output.chars().filter(c -> c == 0).count());
    }
}
