package dev.tern.transport.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The outputs quoted in docs/PROTOCOL.md §2.2, and the noise shell startup files add. */
class MoshConnectScannerTest {
    private static final String BANNER = """

            mosh-server (mosh 1.4.0) [build mosh 1.4.0]
            Copyright 2012 Keith Winstein <mosh-devel@mit.edu>
            License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>.
            This is free software: you are free to change and redistribute it.
            There is NO WARRANTY, to the extent permitted by law.

            [mosh-server detached, pid = 9393]
            """;

    @Test
    void withoutPtyConnectOnStdoutAndBannerOnStderr() {
        MoshConnectScanner scanner = new MoshConnectScanner();
        scanner.feed("MOSH CONNECT 60002 tHDgx19qmtDcRoB7bkesBA\n", false);
        scanner.feed(BANNER, true);
        scanner.finish();
        assertEquals(Optional.of(new MoshConnectScanner.Connect(60002, "tHDgx19qmtDcRoB7bkesBA")),
                scanner.connect());
        assertEquals(OptionalLong.of(9393), scanner.serverPid());
    }

    @Test
    void withPtyEverythingMergedWithCarriageReturns() {
        MoshConnectScanner scanner = new MoshConnectScanner();
        String merged = "\r\r\n\r\nMOSH CONNECT 60001 1J4bDE6Adpens3EGcym7Vg\r\n\r\n"
                + BANNER.replace("\n", "\r\n").replace("9393", "9379") + "Connection to 127.0.0.1 closed.\r\n";
        // split at awkward places, as a network read would
        for (int i = 0; i < merged.length(); i += 7) {
            scanner.feed(merged.substring(i, Math.min(merged.length(), i + 7)), false);
        }
        scanner.finish();
        assertEquals(Optional.of(new MoshConnectScanner.Connect(60001, "1J4bDE6Adpens3EGcym7Vg")),
                scanner.connect());
        assertEquals(OptionalLong.of(9379), scanner.serverPid());
        assertTrue(scanner.otherLines().contains("Connection to 127.0.0.1 closed."));
    }

    @Test
    void noiseFromShellStartupFilesBeforeTheLine() {
        MoshConnectScanner scanner = new MoshConnectScanner();
        scanner.feed("BASHRC_SOURCED\n", true);
        scanner.feed("Welcome to the machine!\nMOSH CONNECT is coming\nnvm: not found\n", false);
        scanner.feed("MOSH CONNECT 60123 E0Nr+Y+axDWV9z66OEKBpQ\n", false);
        scanner.finish();
        assertEquals(Optional.of(new MoshConnectScanner.Connect(60123, "E0Nr+Y+axDWV9z66OEKBpQ")),
                scanner.connect());
        assertEquals(List.of("BASHRC_SOURCED", "Welcome to the machine!", "MOSH CONNECT is coming", "nvm: not found"),
                scanner.otherLines());
        assertEquals(Optional.of("MOSH CONNECT is coming"), scanner.malformedConnectLine());
    }

    @Test
    void malformedLinesNeverCount() {
        MoshConnectScanner scanner = new MoshConnectScanner();
        scanner.feed("MOSH CONNECT 60001 tooShortKey\n", false);
        scanner.feed("MOSH CONNECT 99999 tHDgx19qmtDcRoB7bkesBA\n", false);
        scanner.feed("xMOSH CONNECT 60001 tHDgx19qmtDcRoB7bkesBA\n", false);
        scanner.feed("[mosh-server detached, pid = 99999999999999999999999]\n", true);
        scanner.finish();
        assertTrue(scanner.connect().isEmpty());
        assertTrue(scanner.serverPid().isEmpty());
        assertEquals(Optional.of("MOSH CONNECT 60001 tooShortKey"), scanner.malformedConnectLine());
    }

    @Test
    void aLineWithoutNewlineIsReadAtTheEnd() {
        MoshConnectScanner scanner = new MoshConnectScanner();
        scanner.feed("MOSH CONNECT 60002 tHDgx19qmtDcRoB7bkesBA", false);
        assertTrue(scanner.connect().isEmpty());
        scanner.finish();
        assertEquals(60002, scanner.connect().orElseThrow().port());
    }
}
