package dev.tern.app.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TernCommandLineTest {

    @Test
    void aPlainMoshProfileIsJustTernAndTheHost() {
        Profile profile = Profile.remote("p", "", ConnectionKind.MOSH, "alice", "example.org", null);
        assertEquals("tern alice@example.org", TernCommandLine.render(profile).orElseThrow());
    }

    @Test
    void everyMoshOptionBecomesMoshsOwnFlag() {
        Profile profile = new Profile(null, "p", "", ConnectionKind.MOSH, "example.org", 2222, "alice",
                AuthMethod.KEY_FILE, "/home/alice/keys/my key", "bob@bastion:22", false,
                new MoshOptions("mosh-server new -c 256", "60001:60010", "", null, PredictionMode.EXPERIMENTAL, true,
                        "en_US.UTF-8"), "", TerminalOptions.DEFAULTS);
        assertEquals("LC_ALL=en_US.UTF-8 tern --predict=experimental --predict-overwrite -p 60001:60010 "
                        + "--server='mosh-server new -c 256' --ssh-port 2222 -i '/home/alice/keys/my key' "
                        + "-J bob@bastion:22 alice@example.org",
                TernCommandLine.render(profile).orElseThrow());
    }

    @Test
    void aStartupCommandKeepsAShellAfterwards() {
        Profile profile = new Profile(null, "p", "", ConnectionKind.MOSH, "h", null, "", AuthMethod.AGENT, "", "",
                false, MoshOptions.DEFAULTS, "tmux new -A -s main", TerminalOptions.DEFAULTS);
        assertEquals("tern h -- sh -c 'tmux new -A -s main; exec \"$SHELL\" -l'",
                TernCommandLine.render(profile).orElseThrow());
    }

    @Test
    void sshProfilesBecomeAnSshCommand() {
        Profile profile = new Profile(null, "p", "", ConnectionKind.SSH, "example.org", 2200, "carol",
                AuthMethod.PASSWORD, "", "", true, MoshOptions.DEFAULTS, "", TerminalOptions.DEFAULTS);
        assertEquals("ssh -p 2200 carol@example.org", TernCommandLine.render(profile).orElseThrow());
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
