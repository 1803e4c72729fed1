package dev.tern.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads a known_hosts file as ssh does: a host's line may name it plainly or hashed ({@code |1|salt|HMAC-SHA1}),
 * which is what Debian's system ssh_config asks for ({@code HashKnownHosts yes}).
 */
public final class KnownHostsLines {
    private KnownHostsLines() {
    }

    /** Whether the file has a line for this host ({@code host} or {@code [host]:port}, as ssh writes it). */
    public static boolean hasHost(Path knownHosts, String host) throws IOException {
        return Files.exists(knownHosts) && Files.readAllLines(knownHosts).stream().anyMatch(line -> names(line, host));
    }

    /** Whether one known_hosts line is for this host. */
    public static boolean names(String line, String host) {
        String first = line.split(" ", 2)[0];
        if (!first.startsWith("|1|")) {
            return Arrays.asList(first.split(",")).contains(host);
        }
        String[] parts = first.split("\\|");
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(parts[2]), "HmacSHA1"));
            byte[] expected = mac.doFinal(host.getBytes(StandardCharsets.US_ASCII));
            return Arrays.equals(expected, Base64.getDecoder().decode(parts[3]));
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }
}
