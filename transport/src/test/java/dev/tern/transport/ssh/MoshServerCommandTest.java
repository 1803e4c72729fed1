package dev.tern.transport.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MoshServerCommandTest {
    @Test
    void defaultCommandMatchesTheWrapper() {
        assertEquals("mosh-server 'new' '-s' '-c' '256' '-l' 'LANG=C.UTF-8'",
                MoshServerCommand.build(MoshServerOptions.defaults(), "C.UTF-8"));
    }

    @Test
    void portsCommandBindAndServerCommandWords() {
        MoshServerOptions options = MoshServerOptions.defaults().withServerCommand("sudo -u ops /opt/mosh-server")
                .withServerPorts(new UdpPortRange(60001, 60010)).withBindAddress("any")
                .withCommand(List.of("tmux", "new", "-A", "-s", "it's mine"))
                .withNetworkTimeout(Duration.ofDays(1));
        assertEquals("env MOSH_SERVER_NETWORK_TMOUT=86400 sudo -u ops /opt/mosh-server 'new' '-c' '256' "
                        + "'-l' 'LANG=en_US.UTF-8' '-p' '60001:60010' '--' 'tmux' 'new' '-A' '-s' 'it'\\''s mine'",
                MoshServerCommand.build(options, "en_US.UTF-8"));
        assertTrue(MoshServerCommand.build(options.withBindAddress("192.0.2.7"), "C.UTF-8")
                .contains("'new' '-i' '192.0.2.7' '-c'"));
    }

    @Test
    void portRanges() {
        assertEquals(Optional.of(UdpPortRange.single(60001)), UdpPortRange.parse("60001"));
        assertEquals(Optional.of(new UdpPortRange(60001, 60005)), UdpPortRange.parse(" 60001:60005 "));
        assertEquals("60001:60005", new UdpPortRange(60001, 60005).argument());
        assertTrue(UdpPortRange.parse("60005:60001").isEmpty());
        assertTrue(UdpPortRange.parse("0").isEmpty());
        assertTrue(UdpPortRange.parse("70000").isEmpty());
        assertTrue(UdpPortRange.parse("a:b").isEmpty());
        assertTrue(UdpPortRange.parse("1:2:3").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> MoshServerOptions.defaults().withUdpPort(0));
    }

    @Test
    void localePreflightChoices() {
        Optional<List<String>> debian = Optional.of(List.of("C", "C.utf8", "POSIX", "en_US.utf8"));
        assertEquals("en_US.UTF-8", LocalePicker.pick(debian, Optional.of("en_US.UTF-8")));
        assertEquals("C.UTF-8", LocalePicker.pick(debian, Optional.of("de_DE.UTF-8")), "not on the server");
        assertEquals("C.UTF-8", LocalePicker.pick(debian, Optional.of("en_US.ISO-8859-1")), "not UTF-8");
        assertEquals("C.UTF-8", LocalePicker.pick(debian, Optional.empty()));
        Optional<List<String>> mac = Optional.of(List.of("C", "POSIX", "UTF-8", "en_US.UTF-8", "fr_FR.UTF-8"));
        assertEquals("en_US.UTF-8", LocalePicker.pick(mac, Optional.empty()));
        assertEquals("fr_FR.UTF-8", LocalePicker.pick(mac, Optional.of("fr_FR.UTF-8")));
        assertEquals("sv_SE.utf8", LocalePicker.pick(Optional.of(List.of("C", "POSIX", "sv_SE.utf8")),
                Optional.empty()));
        assertEquals("C.UTF-8", LocalePicker.pick(Optional.of(List.of("C", "POSIX")), Optional.empty()));
        assertEquals("C.UTF-8", LocalePicker.pick(Optional.empty(), Optional.of("en_US.UTF-8")));
    }

    @Test
    void theKeyNeverAppearsInToString() {
        MoshEndpoint endpoint = new MoshEndpoint(new java.net.InetSocketAddress("127.0.0.1", 60001), 60001,
                "tHDgx19qmtDcRoB7bkesBA", java.util.OptionalLong.of(5), "C.UTF-8",
                MoshEndpoint.UdpTargetSource.SSH_CONNECTION, List.of());
        assertTrue(!endpoint.toString().contains("tHDgx19qmtDcRoB7bkesBA"), endpoint.toString());
        assertEquals(16, endpoint.keyBytes().length);
    }
}
