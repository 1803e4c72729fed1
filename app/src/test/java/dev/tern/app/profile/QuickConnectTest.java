package dev.tern.app.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuickConnectTest {

    private static Profile ok(String text, ConnectionKind kind) {
        QuickConnect.Result result = QuickConnect.parse(text, kind);
        assertTrue(result.ok(), text + ": " + result.error());
        return result.profile();
    }

    private static String error(String text) {
        QuickConnect.Result result = QuickConnect.parse(text, ConnectionKind.MOSH);
        assertFalse(result.ok(), text);
        return result.error();
    }

    @Test
    void userHostAndPort() {
        Profile profile = ok(" alice@build.example.org:2222 ", ConnectionKind.SSH);
        assertEquals("alice", profile.user());
        assertEquals("build.example.org", profile.host());
        assertEquals(2222, profile.port());
        assertEquals(ConnectionKind.SSH, profile.kind());
        assertEquals("alice@build.example.org:2222", profile.name());
    }

    @Test
    void hostAloneLeavesUserAndPortToTheDefaults() {
        Profile profile = ok("example.org", ConnectionKind.MOSH);
        assertEquals("", profile.user());
        assertNull(profile.port());
        assertEquals(ConnectionKind.MOSH, profile.kind());
    }

    @Test
    void ipv6NeedsBracketsWhenAPortFollows() {
        Profile profile = ok("root@[2001:db8::1]:22", ConnectionKind.MOSH);
        assertEquals("2001:db8::1", profile.host());
        assertEquals(22, profile.port());
        assertEquals("[::1]", ok("[::1]", ConnectionKind.SSH).target());
        assertTrue(error("2001:db8::1").contains("brackets"));
    }

    @Test
    void badInputSaysWhatIsWrong() {
        assertTrue(error("").contains("Type a host"));
        assertTrue(error("host:0").contains("1 to 65535"));
        assertTrue(error("host:70000").contains("1 to 65535"));
        assertTrue(error("host:ssh").contains("1 to 65535"));
        assertTrue(error("al ice@host").contains("not a valid user"));
        assertTrue(error("user@").contains("host is missing"));
        assertTrue(error("bad host").contains("not a valid host"));
        assertTrue(error("[::1").contains("Missing ']'"));
    }
}
