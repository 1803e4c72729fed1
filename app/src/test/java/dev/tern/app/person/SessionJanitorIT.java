package dev.tern.app.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.Profile;
import dev.tern.app.session.WidgetSessionLauncher;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import dev.tern.transport.crypto.SessionKey;
import dev.tern.transport.session.CloseReason;
import dev.tern.transport.session.MoshSession;
import dev.tern.transport.session.MoshSessionListener;
import dev.tern.transport.session.SessionJournal;
import dev.tern.transport.session.SessionJournals;
import dev.tern.transport.session.SessionOptions;
import dev.tern.transport.ssh.ConnectProgress;
import dev.tern.transport.ssh.MoshBootstrap;
import dev.tern.transport.ssh.MoshEndpoint;
import dev.tern.transport.ssh.Prompter;
import dev.tern.transport.ssh.SshConnection;
import dev.tern.transport.ssh.SshConnector;
import dev.tern.transport.ssh.SshEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The session janitor as a person meets it: Tern crashed earlier and left two Mosh sessions of a profile running on
 * the host. The sidebar says "2 detached sessions" under the profile; "Sessions on this host…" in its context menu
 * lists them; Resume takes the first up in a tab (the same shell, its variable still set); End ends the second
 * (exactly it), and the mark goes away.
 */
@ExtendWith(TestBed.class)
class SessionJanitorIT extends PersonTest {
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final String PROFILE = "orphans";
    /** Where the profile shows in the sidebar (found before any tab of the same name exists). */
    private static int[] inSidebar;

    @Test
    void theSidebarMarksDetachedSessionsAndTheHostsDialogResumesOneAndEndsTheOther(SshServer server)
            throws Exception {
        Profile profile = Desk.testbed(PROFILE, ConnectionKind.MOSH, server);
        Desk desk = new Desk(dir).trusting(server).withProfiles(profile);
        SessionJournals journals = SessionJournals.in(desk.config.resolve("sessions"));
        List<Long> servers = new ArrayList<>();
        try {
            servers.add(leftBehind(desk, profile, journals, "first"));
            servers.add(leftBehind(desk, profile, journals, "second"));
            long first = servers.get(0);
            long second = servers.get(1);
            try (TernProcess tern = desk.startTern(x)) {
                inSidebar = x.textPosition(PROFILE, PATIENCE);
                XDisplay.waitFor("\"2 detached sessions\" under the profile", PATIENCE,
                        () -> underTheProfile().contains("2 detached sessions") ? Optional.of(true) : Optional.empty());
                x.screenshot(Screens.file("janitor-sidebar-mark"));

                long dialog = openSessionsOnHost();
                x.screenshot(Screens.file("janitor-dialog-two"));
                // other tests may run mosh-servers of the same user: the buttons are found on the rows of ours
                clickInRowOf(dialog, first, RESUME_FROM_RIGHT);
                tern.focusTerminal();
                Shell.awaitPrompt(x, "janitor");
                Path said = Scripts.sharedFolder().resolve("janitor-resumed");
                assertEquals("first-42", Shell.runAndRead(x, "echo $MARK > " + said, said, PATIENCE).strip(),
                        "the resumed tab is the first session's shell");

                dialog = openSessionsOnHost();
                x.textPosition("End", PATIENCE);
                x.screenshot(Screens.file("janitor-dialog-one-open"));
                clickInRowOf(dialog, second, END_FROM_RIGHT);
                XDisplay.waitFor("mosh-server " + second + " ends", PATIENCE,
                        () -> running(second) ? Optional.empty() : Optional.of(true));
                assertTrue(running(first), "the resumed session's server lives on");
                x.textPosition("ended", PATIENCE);
                x.screenshot(Screens.file("janitor-dialog-ended"));
                x.key("Escape");

                XDisplay.waitFor("the mark goes", PATIENCE, () -> underTheProfile().contains("detached")
                        ? Optional.empty() : Optional.of(true));
                x.screenshot(Screens.file("janitor-sidebar-no-mark"));
                assertTrue(journals.list().stream().allMatch(e -> e.openIn().isPresent()),
                        "only the resumed session's journal is left: " + journals.list());

                x.requestClose(tern.window());
                x.focus(x.waitForWindow("^Quit Tern$", Duration.ofSeconds(20)));
                x.key("alt+e");
                assertTrue(tern.waitForExit(Duration.ofSeconds(5)), "Tern still runs after End all sessions");
                XDisplay.waitFor("the resumed session's server ends with Tern", Duration.ofSeconds(10),
                        () -> running(first) ? Optional.empty() : Optional.of(true));
                assertEquals(List.of(), tern.loggedExceptions(), "exceptions in Tern's log");
            }
        } finally {
            MoshServers.kill(Set.copyOf(servers));
        }
    }

    @Test
    void aSavedSessionWhoseServerIsGoneIsForgottenFromTheDialog(SshServer server) throws Exception {
        Profile profile = Desk.testbed(PROFILE, ConnectionKind.MOSH, server);
        Desk desk = new Desk(dir).trusting(server).withProfiles(profile);
        SessionJournals journals = SessionJournals.in(desk.config.resolve("sessions"));
        long gone = leftBehind(desk, profile, journals, "gone");
        ProcessHandle.of(gone).orElseThrow().destroyForcibly();  // the host restarted meanwhile
        XDisplay.waitFor("the server is gone", PATIENCE, () -> running(gone) ? Optional.empty() : Optional.of(true));
        try (TernProcess tern = desk.startTern(x)) {
            inSidebar = x.textPosition(PROFILE, PATIENCE);
            XDisplay.waitFor("\"1 detached session\" under the profile", PATIENCE,
                    () -> underTheProfile().contains("1 detached session") ? Optional.of(true) : Optional.empty());
            openSessionsOnHost();
            x.textPosition("Forget", PATIENCE);
            x.screenshot(Screens.file("janitor-dialog-server-gone"));
            x.clickText("Forget", PATIENCE);
            XDisplay.waitFor("the journal goes", PATIENCE, () -> {
                try {
                    return journals.list().isEmpty() ? Optional.of(true) : Optional.empty();
                } catch (IOException e) {
                    return Optional.empty();
                }
            });
            x.key("Escape");
            XDisplay.waitFor("the mark goes", PATIENCE, () -> underTheProfile().contains("detached")
                    ? Optional.empty() : Optional.of(true));
            assertEquals(List.of(), tern.loggedExceptions(), "exceptions in Tern's log");
        }
    }

    /** Right-clicks the profile in the sidebar and picks "Sessions on this host…"; returns the dialog's window. */
    private static long openSessionsOnHost() {
        x.clickAt(inSidebar[0], inSidebar[1], 3);
        x.clickText("this", PATIENCE);
        long dialog = x.waitForWindow("^Sessions on " + PROFILE + "$", PATIENCE);
        x.focus(dialog);
        x.textPosition("pid", PATIENCE);
        return dialog;
    }

    /** How far left of the dialog's right edge the buttons of a row sit (they are right-aligned). */
    private static final int END_FROM_RIGHT = 53;
    private static final int RESUME_FROM_RIGHT = 147;

    /** Clicks a button on the row of server {@code pid}, found by its pid as a person reads it. */
    private static void clickInRowOf(long dialog, long pid, int fromRight) {
        int[] at = x.textPosition(String.valueOf(pid), PATIENCE);
        int[] window = x.geometry(dialog);
        // the pid is on the row's first line; the buttons are centred on the row's two lines
        x.clickAt(window[0] + window[2] - fromRight, at[1] + 9, 1);
    }

    /** The profile's row in the sidebar as a person reads it: name, subtitle and the mark below, if any. */
    private static String underTheProfile() {
        try {
            Path shot = Files.createTempFile("tern-janitor-", ".png");
            x.screenshot(shot);
            Path region = Files.createTempFile("tern-janitor-row-", ".png");
            // enlarged and grey, not thresholded: the subtitle is light grey and the mark blue
            Process crop = new ProcessBuilder("convert", shot.toString(), "-crop", "260x56+"
                    + Math.max(0, inSidebar[0] - 40) + "+" + Math.max(0, inSidebar[1] - 12), "+repage", "-resize",
                    "300%", "-colorspace", "Gray", region.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String text = crop.waitFor() == 0 ? Ocr.read(region) : "";
            Files.deleteIfExists(shot);
            Files.deleteIfExists(region);
            return text.replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * A Mosh session of {@code profile} as a crashed Tern leaves it: its mosh-server runs on, its journal is on disk
     * under the profile's name, and its shell has {@code MARK} set. Returns the server's pid.
     */
    private static long leftBehind(Desk desk, Profile profile, SessionJournals journals, String mark)
            throws Exception {
        MoshEndpoint endpoint;
        try (SshConnection ssh = SshConnector.connect(WidgetSessionLauncher.sshTarget(profile),
                SshEnvironment.isolated(desk.home, "person"), Prompter.refusing(), ConnectProgress.silent())) {
            endpoint = MoshBootstrap.start(ssh, WidgetSessionLauncher.moshOptions(profile), ConnectProgress.silent());
        }
        SessionJournal journal = journals.create(profile.name(), endpoint.udpTarget().getAddress().getHostAddress(),
                endpoint.udpTarget().getPort(), endpoint.serverPid());
        MoshSession session = MoshSession.start(endpoint.udpTarget(), SessionKey.parse(endpoint.key()), 80, 24,
                SessionOptions.GUI, new MoshSessionListener() { }, journal);
        Path done = Scripts.sharedFolder().resolve("janitor-marked-" + mark);
        XDisplay.waitFor("the " + mark + " session's shell", PATIENCE, () -> {
            session.type(("MARK=" + mark + "-$((6*7)); touch " + done + "\r").getBytes(StandardCharsets.UTF_8));
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Files.exists(done) ? Optional.of(true) : Optional.empty();
        });
        session.detach();
        assertTrue(session.awaitClosed(PATIENCE));
        assertEquals(CloseReason.Kind.DETACHED, session.closeReason().kind());
        return endpoint.serverPid().orElseThrow();
    }

    /** Runs and is no zombie (this machine's init may be slow to reap orphans). */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }
}
