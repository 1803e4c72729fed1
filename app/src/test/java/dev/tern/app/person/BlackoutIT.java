package dev.tern.app.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.Profile;
import dev.tern.testbed.MoshServer;
import dev.tern.testbed.Prerequisites;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import dev.tern.testbed.Tmux;
import dev.tern.testbed.UdpImpairmentProxy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A 20 s outage while typing at a fresh prompt, in adaptive local echo, as mosh-client and as a Tern Mosh tab
 * live through it: the same keys at the same moment of the same blackout (through the impairment proxy). mosh
 * shows nothing of them (after Enter its predictions stay tentative until the server confirms one); Tern must
 * show the same screen, and its banner says how many typed keys are waiting. Both send them when contact returns.
 * Tern's screen is taken the way a person takes it (select all, copy, the X clipboard), its banner is read from
 * a screenshot with OCR, and mosh-client's screen from tmux.
 */
@ExtendWith(TestBed.class)
class BlackoutIT extends PersonTest {
    private static final Duration BLACKOUT = Duration.ofSeconds(20);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Enter, then the command: 1 + 9 key presses while the link is down. */
    private static final String TYPED = "echo dark";
    private static final int KEYS_IN_THE_DARK = 1 + TYPED.length();
    @Test
    void duringABlackoutTernShowsWhatMoshClientShowsAndCountsTheWaitingKeys(SshServer server) throws Exception {
        boolean moshClientShowsTheKeys = moshClientInTheDark();

        int udpPort = Desk.freeUdpPort();
        Path result = Scripts.sharedFolder().resolve("dark-tern.txt");
        try (UdpImpairmentProxy proxy = UdpImpairmentProxy.start(new InetSocketAddress("127.0.0.1", udpPort), 7)) {
            Profile profile = Desk.testbedThroughProxy("outage", server, udpPort, proxy.listenAddress().getPort());
            Desk desk = new Desk(dir).trusting(server).withProfiles(profile);
            try (TernProcess tern = desk.startTern(x)) {
                KeyDifferentialIT.openProfileOn(x, tern, "outage");
                tern.focusTerminal();
                Shell.awaitPrompt(x, "outage");
                Thread.sleep(1000);

                proxy.blackout(BLACKOUT);
                long darkFrom = System.nanoTime();
                x.key("Return");
                x.type(TYPED + " > " + result);
                int keys = KEYS_IN_THE_DARK + (" > " + result).length();
                // mosh's "last contact" notice comes 6.5 s into the silence; Tern's banner with it
                Thread.sleep(9000);
                Path shot = Screens.file("blackout-tern-banner");
                x.screenshot(shot);
                int[] g = x.geometry(tern.window());
                String banner = Ocr.readRegion(shot, g[0] + 268, g[1] + 88, g[2] - 280, 44);  // the banner's strip
                x.key("ctrl+shift+a", "ctrl+shift+c");
                String screen = XDisplay.waitFor("the copied screen", Duration.ofSeconds(10),
                        () -> Optional.of(x.clipboard("clipboard")).filter(s -> s.contains("$")));
                assertTrue(System.nanoTime() - darkFrom < BLACKOUT.toNanos(), "the blackout ended too early");

                assertEquals(moshClientShowsTheKeys, screen.contains(TYPED),
                        "mosh-client " + (moshClientShowsTheKeys ? "shows" : "does not show") + " the keys typed"
                                + " in the dark; Tern's screen:\n" + screen);
                Matcher count = Pattern.compile("(\\d+) typed keys are waiting").matcher(banner.replace('\n', ' '));
                assertTrue(count.find(), "the banner says how many keys wait; OCR read:\n" + banner);
                assertEquals(keys, Integer.parseInt(count.group(1)), "keys waiting; OCR read:\n" + banner);
                assertTrue(banner.contains("Last contact"), "OCR read:\n" + banner);

                // contact returns: the keys arrive and show; Enter runs the command
                XDisplay.waitFor("the blackout to end", BLACKOUT,
                        () -> proxy.inBlackout() ? Optional.empty() : Optional.of(true));
                Thread.sleep(2000);
                x.screenshot(Screens.file("blackout-tern-contact-back"));
                x.key("Return");
                XDisplay.waitFor("the command typed in the dark to run", PATIENCE,
                        () -> Files.exists(result) ? Optional.of(true) : Optional.empty());
                assertEquals("dark\n", Files.readString(result));
                x.screenshot(Screens.file("blackout-tern-after"));
                assertEquals(List.of(), tern.loggedExceptions(), "exceptions in Tern's log");
            }
        }
    }

    /** The same outage, the same keys, in the official mosh-client; returns whether it shows the typed keys. */
    private static boolean moshClientInTheDark() throws Exception {
        Prerequisites.require("mosh-client", "mosh");
        Path result = Scripts.sharedFolder().resolve("dark-mosh.txt");
        try (MoshServer server = MoshServer.plainBash();
             UdpImpairmentProxy proxy = UdpImpairmentProxy.start(server.address(), 7);
             Tmux tmux = Tmux.start(100, 30, Map.of("MOSH_KEY", server.key(), "LANG", "C.UTF-8",
                     "MOSH_PREDICTION_DISPLAY", "adaptive"),
                     "mosh-client 127.0.0.1 " + proxy.listenAddress().getPort())) {
            tmux.waitForLine(Pattern.compile(".*\\$ ?"), PATIENCE);
            Thread.sleep(1000);
            proxy.blackout(BLACKOUT);
            tmux.sendKeys("Enter");
            tmux.type(TYPED + " > " + result);
            String screen = tmux.waitFor(s -> s.contains("mosh: Last contact"), PATIENCE, "mosh's notice");
            boolean shown = screen.contains(TYPED);
            tmux.waitFor(s -> !proxy.inBlackout() && !s.contains("Last contact"), BLACKOUT.plus(PATIENCE),
                    "contact to return");
            tmux.sendKeys("Enter");
            XDisplay.waitFor("mosh-client's command to run", PATIENCE,
                    () -> Files.exists(result) ? Optional.of(true) : Optional.empty());
            return shown;
        }
    }

}
