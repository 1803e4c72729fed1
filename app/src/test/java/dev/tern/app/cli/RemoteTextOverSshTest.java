package dev.tern.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a failed mosh-server printed is part of tern's error message: through the test bed's real sshd, a server
 * program that prints escape sequences and fails has them shown as text on the user's terminal, not obeyed.
 */
@ExtendWith(TestBed.class)
class RemoteTextOverSshTest {
    @TempDir
    Path dir;

    @Test
    void aFailingServersOutputIsPrintedAsText(SshServer sshd) throws Exception {
        Path emptyConfig = Files.writeString(dir.resolve("ssh_config"), "");
        // printf turns \033 and \007 into the real bytes: a window title, a screen clear, a bell
        String hostileServer = "printf '\\033]0;pwned\\007\\033[2Jmosh-server broke\\n'; exit 3; :";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TernCli.run(new String[] {"--ssh-port", Integer.toString(sshd.port()), "-i",
                sshd.ed25519Key().toString(), "--known-hosts", sshd.knownHosts().toString(), "--ssh-config",
                emptyConfig.toString(), "--server", hostileServer, sshd.user() + "@" + sshd.host()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = err.toString(StandardCharsets.UTF_8);

        assertEquals(255, status, printed);
        assertTrue(printed.contains("\\033]0;pwned\\007\\033[2Jmosh-server broke"), printed);
        assertFalse(printed.contains("\033") || printed.contains("\007"),
                "escape bytes reached the terminal: " + printed.replace("\033", "<ESC>").replace("\007", "<BEL>"));
    }
}
