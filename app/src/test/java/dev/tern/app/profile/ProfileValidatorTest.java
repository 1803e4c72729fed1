package dev.tern.app.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfileValidatorTest {

    private static Profile mosh(String host, Integer port, String user, MoshOptions options) {
        return new Profile(null, "n", "", ConnectionKind.MOSH, host, port, user, AuthMethod.AGENT, "", "", false,
                options, "", TerminalOptions.DEFAULTS);
    }

    @Test
    void aGoodProfileHasNoErrors() {
        assertEquals(Map.of(), ProfileValidator.validate(mosh("example.org", 22, "alice", MoshOptions.DEFAULTS)));
        assertEquals(Map.of(), ProfileValidator.validate(Profile.local("shell")));
    }

    @Test
    void eachBadFieldGetsItsOwnMessage() {
        Profile bad = new Profile(null, "", "", ConnectionKind.MOSH, "user@host", 70000, "a b",
                AuthMethod.KEY_FILE, "", "bastion:x", false,
                new MoshOptions("", "60010:60001", "bad host", 0, PredictionMode.ADAPTIVE, false, "en US"),
                "", new TerminalOptions("", 3, ""));
        Map<ProfileField, String> errors = ProfileValidator.validate(bad);
        assertEquals(Set.of(ProfileField.NAME, ProfileField.HOST, ProfileField.PORT, ProfileField.USER,
                ProfileField.KEY_FILE, ProfileField.JUMP_HOST, ProfileField.UDP_PORTS, ProfileField.UDP_HOST_OVERRIDE,
                ProfileField.UDP_PORT_OVERRIDE, ProfileField.LOCALE, ProfileField.FONT_SIZE), errors.keySet());
        assertEquals("A name is required", errors.get(ProfileField.NAME));
        assertEquals("Put the user name in the User field", errors.get(ProfileField.HOST));
        assertEquals("The range must go from low to high", errors.get(ProfileField.UDP_PORTS));
    }

    @Test
    void udpPortRanges() {
        assertNull(ProfileValidator.udpPortsProblem(""));
        assertNull(ProfileValidator.udpPortsProblem("60001"));
        assertNull(ProfileValidator.udpPortsProblem("60001:60010"));
        assertEquals("A port (60001) or a range (60001:60010)", ProfileValidator.udpPortsProblem("60001-60010"));
        assertEquals("Ports must be from 1 to 65535", ProfileValidator.udpPortsProblem("0:10"));
    }

    @Test
    void localProfilesNeedNoHost() {
        assertEquals(Map.of(), ProfileValidator.validate(new Profile(null, "local", "", ConnectionKind.LOCAL, "",
                null, "", AuthMethod.AGENT, "", "", false, MoshOptions.DEFAULTS, "", TerminalOptions.DEFAULTS)));
    }
}
