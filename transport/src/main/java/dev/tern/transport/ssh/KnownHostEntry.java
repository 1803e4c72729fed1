package dev.tern.transport.ssh;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One line of a known_hosts file: an optional marker ({@code @revoked}, {@code @cert-authority}), the host field
 * (patterns, or one hashed name {@code |1|salt|hash}), the key type and the key.
 */
public record KnownHostEntry(Path file, int line, String marker, String hostField, String keyType, byte[] key) {

    /** Parses a line; empty for blank lines, comments and malformed lines. */
    static Optional<KnownHostEntry> parse(Path file, int lineNumber, String line) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return Optional.empty();
        }
        String[] words = text.split("\\s+");
        int i = 0;
        String marker = "";
        if (words[0].startsWith("@")) {
            marker = words[0];
            i = 1;
        }
        if (words.length < i + 3) {
            return Optional.empty();
        }
        try {
            byte[] key = Base64.getDecoder().decode(words[i + 2]);
            return Optional.of(new KnownHostEntry(file, lineNumber, marker, words[i], words[i + 1], key));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    public boolean isRevoked() {
        return marker.equals("@revoked");
    }

    public boolean isCertificateAuthority() {
        return marker.equals("@cert-authority");
    }

    public String fingerprint() {
        return HostKeyFingerprint.sha256(key);
    }

    public boolean hasKey(byte[] blob) {
        return MessageDigest.isEqual(key, blob);
    }

    /** Whether this line is about {@code lookupName} ({@code host} or {@code [host]:port}). */
    public boolean matchesHost(String lookupName) {
        if (hostField.startsWith("|1|")) {
            return hashedMatches(hostField, lookupName);
        }
        return HostPatterns.matches(List.of(hostField.split(",")), lookupName);
    }

    private static boolean hashedMatches(String field, String lookupName) {
        String[] parts = field.split("\\|");
        // "", "1", salt, hash
        if (parts.length != 4) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(hmacSha1(salt, lookupName), expected);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The hashed host field OpenSSH writes with HashKnownHosts: {@code |1|base64(salt)|base64(HMAC-SHA1)}. */
    static String hashedHostField(String lookupName, byte[] salt) {
        Base64.Encoder base64 = Base64.getEncoder();
        return "|1|" + base64.encodeToString(salt) + "|" + base64.encodeToString(hmacSha1(salt, lookupName));
    }

    private static byte[] hmacSha1(byte[] salt, String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[1] : salt, "HmacSHA1"));
            return mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KnownHostEntry that && line == that.line && file.equals(that.file)
                && marker.equals(that.marker) && hostField.equals(that.hostField) && keyType.equals(that.keyType)
                && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * file.hashCode() + line) + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return file + ":" + line + " " + marker + " " + hostField + " " + keyType + " " + fingerprint();
    }
}
