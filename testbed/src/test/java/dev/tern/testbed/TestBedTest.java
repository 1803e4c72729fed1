package dev.tern.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.opentest4j.TestAbortedException;

/**
 * A missing sshd skips the tests that need it (outside CI) and fails them (in CI), and leaves the others alone.
 * Runs a small test class through its own launcher with a starter that behaves like {@link Prerequisites#missing}.
 */
class TestBedTest {
    private static volatile boolean launched;
    private final Supplier<SshServer> realStarter = TestBed.starter;

    @AfterEach
    void restore() {
        TestBed.starter = realStarter;
        launched = false;
    }

    @Test
    void aMissingSshdOutsideCiSkipsTheTestsThatTakeOne() {
        TestExecutionSummary summary = runWithoutSshd(UsesTheSshd.class, false);
        assertEquals(4, summary.getTestsStartedCount());
        assertEquals(3, summary.getTestsAbortedCount(), "skipped");
        assertEquals(0, summary.getTotalFailureCount(), () -> summary.getFailures().toString());
        assertEquals(1, summary.getTestsSucceededCount(), "the test without an sshd still runs");
    }

    @Test
    void aMissingSshdInCiFailsThem() {
        TestExecutionSummary summary = runWithoutSshd(UsesTheSshd.class, true);
        assertEquals(3, summary.getTotalFailureCount());
        assertEquals(0, summary.getTestsAbortedCount());
        assertEquals(1, summary.getTestsSucceededCount());
    }

    @Test
    void aMissingSshdSkipsATestWhoseBeforeEachTakesOne() {
        TestExecutionSummary summary = runWithoutSshd(BeforeEachUsesTheSshd.class, false);
        assertEquals(1, summary.getTestsAbortedCount());
        assertEquals(0, summary.getTotalFailureCount(), () -> summary.getFailures().toString());
    }

    /** Runs the test class as if sshd were missing: what {@link Prerequisites} does outside CI, or in CI. */
    private static TestExecutionSummary runWithoutSshd(Class<?> testClass, boolean inCi) {
        TestBed.starter = () -> {
            if (inCi) {
                throw new AssertionError("[tern test bed] sshd not found (simulated, CI=true)");
            }
            throw new TestAbortedException("[tern test bed] sshd not found (simulated)");
        };
        launched = true;
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .build(), listener);
        return listener.getSummary();
    }

    static boolean launchedByTestBedTest() {
        return launched;
    }

    @ExtendWith(TestBed.class)
    @EnabledIf("dev.tern.testbed.TestBedTest#launchedByTestBedTest")
    static class UsesTheSshd {
        @Test
        void takesOne(SshServer sshd) {
        }

        @Test
        void takesOneToo(SshServer sshd) {
        }

        @Test
        void takesOneAsWell(SshServer sshd) {
        }

        @Test
        void needsNone() {
        }
    }

    @ExtendWith(TestBed.class)
    @EnabledIf("dev.tern.testbed.TestBedTest#launchedByTestBedTest")
    static class BeforeEachUsesTheSshd {
        @org.junit.jupiter.api.BeforeEach
        void setUp(SshServer sshd) {
        }

        @Test
        void test() {
        }
    }
}
