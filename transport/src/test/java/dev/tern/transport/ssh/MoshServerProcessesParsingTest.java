package dev.tern.transport.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading {@code ps} output and building the end script (docs/PROTOCOL.md §8.5), without a host. */
class MoshServerProcessesParsingTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void keepsOnlyMoshServersWithTheirStartTimesOldestFirst() {
        String ps = """
                  812     2-03:04:05 /usr/local/bin/mosh-server new -s -c 256 -l LANG=C.UTF-8
                  901          01:02 mosh-server new -s -c 256 -l LANG=C.UTF-8 -- tmux
                  933          00:00 ps -ww -o pid= -o etime= -o args= -U 1000
                  934          00:00 sh -c LC_ALL=C ps -ww -o pid= -o etime= -o args= -U "$(id -u)"
                  950       03:00:00 vim notes-about-mosh-server.txt
                  960       03:00:00 mosh-server-wrapper new
                  970          bogus mosh-server new
                """;
        List<RemoteMoshServer> servers = MoshServerProcesses.parse(ps, NOW);
        assertEquals(2, servers.size(), servers.toString());
        assertEquals(812, servers.get(0).pid());
        assertEquals(NOW.minus(Duration.ofDays(2).plusHours(3).plusMinutes(4).plusSeconds(5)),
                servers.get(0).started());
        assertEquals(901, servers.get(1).pid());
        assertEquals(NOW.minusSeconds(62), servers.get(1).started());
        assertEquals("mosh-server new -s -c 256 -l LANG=C.UTF-8 -- tmux", servers.get(1).commandLine());
    }

    @Test
    void readsEveryShapeOfElapsedTime() {
        assertEquals(Optional.of(Duration.ofSeconds(5)), MoshServerProcesses.elapsed("00:05"));
        assertEquals(Optional.of(Duration.ofSeconds(3 * 3600 + 61)), MoshServerProcesses.elapsed("03:01:01"));
        assertEquals(Optional.of(Duration.ofDays(12).plusSeconds(1)), MoshServerProcesses.elapsed("12-00:00:01"));
        assertEquals(Optional.empty(), MoshServerProcesses.elapsed("5"));
        assertEquals(Optional.empty(), MoshServerProcesses.elapsed("a:b"));
        assertEquals(Optional.empty(), MoshServerProcesses.elapsed("1:2:3:4"));
    }

    @Test
    void theEndScriptNamesOnlyANumberAndChecksOwnerAndProgramBeforeTheSignal() {
        String command = MoshServerProcesses.endCommand(4242);
        assertTrue(command.startsWith("sh -c 'p=4242; "), command);
        int owner = command.indexOf("id -u");
        int program = command.indexOf("mosh-server|*/mosh-server");
        int signal = command.indexOf("kill -TERM");
        assertTrue(owner > 0 && program > owner && signal > program, command);
        assertThrows(IllegalArgumentException.class, () -> MoshServerProcesses.endCommand(0));
        assertThrows(IllegalArgumentException.class, () -> MoshServerProcesses.endCommand(-5));
    }
}
