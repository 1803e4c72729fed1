package dev.tern.app.person;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The mosh-server processes of a user on this machine: which a test's sessions started, and that they end. */
final class MoshServers {
    private MoshServers() {
    }

    static Set<Long> of(String user, Instant since) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("mosh-server")).orElse(false))
                .filter(p -> p.info().user().map(user::equals).orElse(false))
                .filter(p -> p.info().startInstant().map(s -> !s.isBefore(since.minusSeconds(1))).orElse(false))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static void awaitGone(Set<Long> pids, Duration timeout) {
        XDisplay.waitFor("mosh-servers " + pids + " to exit", timeout,
                () -> pids.stream().noneMatch(MoshServers::alive) ? Optional.of(true) : Optional.empty());
    }

    /** Ends servers a test left on purpose (a killed app leaves its servers running). */
    static void kill(Set<Long> pids) {
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
}
