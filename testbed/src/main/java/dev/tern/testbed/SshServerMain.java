package dev.tern.testbed;

import java.time.Duration;

/**
 * The test bed's sshd as a program, for the benchmark scripts: starts it, prints
 * {@code PORT USER KEY KNOWN_HOSTS} on one line, and runs until killed or for SECONDS (default 600).
 */
public final class SshServerMain {
    private SshServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 600;
        try (SshServer server = SshServer.start()) {
            System.out.println(server.port() + " " + server.user() + " " + server.ed25519Key() + " "
                    + server.knownHosts());
            System.out.flush();
            Thread.sleep(Duration.ofSeconds(seconds));
        }
    }
}
