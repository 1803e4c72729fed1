package dev.tern.app.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TernCommandLineTest {

    @Test
    void aPlainMoshProfileIsJustTernAndTheHost() {
        Profile profile = Profile.remote("p", "", ConnectionKind.MOSH, "alice", "example.org", null);
        assertEquals("tern -- alice@example.org", TernCommandLine.render(profile).orElseThrow());
    }

    @Test
    void everyMoshOptionBecomesMoshsOwnFlag() {
        Profile profile = new Profile(null, "p", "", ConnectionKind.MOSH, "example.org", 2222, "alice",
                AuthMethod.KEY_FILE, "/home/alice/keys/my key", "bob@bastion:22", false,
                new MoshOptions("mosh-server new -c 256", "60001:60010", "", null, PredictionMode.EXPERIMENTAL, true,
                        "en_US.UTF-8"), "", TerminalOptions.DEFAULTS);
        assertEquals("LC_ALL=en_US.UTF-8 tern --predict=experimental --predict-overwrite -p 60001:60010 "
                        + "--server='mosh-server new -c 256' --ssh-port 2222 -i '/home/alice/keys/my key' "
                        + "-J bob@bastion:22 -- alice@example.org",
                TernCommandLine.render(profile).orElseThrow());
    }

    @Test
    void aStartupCommandKeepsAShellAfterwards() {
        Profile profile = new Profile(null, "p", "", ConnectionKind.MOSH, "h", null, "", AuthMethod.AGENT, "", "",
                false, MoshOptions.DEFAULTS, "tmux new -A -s main", TerminalOptions.DEFAULTS);
        assertEquals("tern -- h sh -c 'eval \"$1\"; exec \"${SHELL:-/bin/sh}\" -l' sh 'tmux new -A -s main'",
                TernCommandLine.render(profile).orElseThrow());
    }

    @Test
    void sshProfilesBecomeAnSshCommand() {
        Profile profile = new Profile(null, "p", "", ConnectionKind.SSH, "example.org", 2200, "carol",
                AuthMethod.PASSWORD, "", "", true, MoshOptions.DEFAULTS, "", TerminalOptions.DEFAULTS);
        assertEquals("ssh -p 2200 -- carol@example.org", TernCommandLine.render(profile).orElseThrow());
    }

    @Test
    void aUserOrHostThatLooksLikeAnOptionGetsNoCommandLine() {
        for (ConnectionKind kind : List.of(ConnectionKind.MOSH, ConnectionKind.SSH)) {
            assertEquals(Optional.empty(), TernCommandLine.render(Profile.remote("p", "", kind,
                    "-oProxyCommand=touch /tmp/pwned", "example.org", null)));
            assertEquals(Optional.empty(), TernCommandLine.render(Profile.remote("p", "", kind, "alice",
                    "-oProxyCommand=sh", null)));
            assertEquals(Optional.empty(), TernCommandLine.render(Profile.remote("p", "", kind, "al ice",
                    "example.org", null)));
            assertEquals(Optional.empty(), TernCommandLine.render(withJump(kind, "ok@bastion,-oProxyCommand=sh")));
        }
    }

    @Test
    void theDestinationFollowsDoubleDashAndAKeyFileNeverStartsWithADash() {
        Profile profile = new Profile(null, "p", "", ConnectionKind.SSH, "example.org", null, "alice",
                AuthMethod.KEY_FILE, "-key", "", false, MoshOptions.DEFAULTS, "", TerminalOptions.DEFAULTS);
        assertEquals("ssh -i ./-key -- alice@example.org", TernCommandLine.render(profile).orElseThrow());
    }

    @Test
    void anSshStartupCommandEndingInACommentOrAmpersandStillLeavesTheShell() {
        Profile comment = new Profile(null, "p", "", ConnectionKind.SSH, "h", null, "", AuthMethod.AGENT, "", "",
                false, MoshOptions.DEFAULTS, "cd /srv # deploy box", TerminalOptions.DEFAULTS);
        assertEquals("ssh -t -- h 'cd /srv # deploy box\nexec \"$SHELL\" -l'",
                TernCommandLine.render(comment).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo started # a note", "echo started &", "echo 'started'", "echo started;"})
    void aMoshStartupCommandRunsAndTheShellFollowsWhateverItEndsWith(String startup) throws Exception {
        // run the words mosh-server would run, with a stand-in login shell that says it started
        assertEquals(Set.of("started", "-l"), Set.copyOf(StartupRun.linesOf(
                TernCommandLine.moshStartupCommand(startup), 2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo started # a note", "echo started &", "echo 'started'", "echo started;"})
    void anSshStartupCommandRunsAndTheShellFollowsWhateverItEndsWith(String startup) throws Exception {
        // the remote login shell gets the last word of the ssh command line as "shell -c WORD"
        Profile profile = new Profile(null, "p", "", ConnectionKind.SSH, "h", null, "", AuthMethod.AGENT, "", "",
                false, MoshOptions.DEFAULTS, startup, TerminalOptions.DEFAULTS);
        String line = TernCommandLine.render(profile).orElseThrow();
        assertEquals(Set.of("started", "-l"), Set.copyOf(StartupRun.linesOf(
                List.of("sh", "-c", "ssh() { shift $(($# - 1)); sh -c \"$1\"; }; " + line), 2)));
    }

    private static Profile withJump(ConnectionKind kind, String jump) {
        return new Profile(null, "p", "", kind, "example.org", null, "alice", AuthMethod.AGENT, "", jump, false,
                MoshOptions.DEFAULTS, "", TerminalOptions.DEFAULTS);
    }

    @Test
    void localProfilesHaveNoCommandLine() {
        assertTrue(TernCommandLine.render(Profile.local("here")).isEmpty());
    }

    @Test
    void quotingSurvivesSingleQuotes() {
        assertEquals("'it'\\''s'", TernCommandLine.quote("it's"));
        assertEquals("''", TernCommandLine.quote(""));
        assertEquals("--server='a b'", TernCommandLine.quote("--server=a b"));
    }
}
