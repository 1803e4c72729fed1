package dev.tern.transport.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The known_hosts files of one connection: user files (the first one receives new keys) and read-only system
 * files. Reads plain, wildcard and hashed host names, {@code [host]:port} names and markers.
 */
public final class KnownHosts {
    private final List<Path> userFiles;
    private final List<Path> globalFiles;
    private final boolean hashNewEntries;

    public KnownHosts(List<Path> userFiles, List<Path> globalFiles, boolean hashNewEntries) {
        this.userFiles = List.copyOf(userFiles);
        this.globalFiles = List.copyOf(globalFiles);
        this.hashNewEntries = hashNewEntries;
    }

    /** The name host keys are filed under: the host itself on port 22, {@code [host]:port} otherwise. */
    public static String lookupName(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    /** The verdict for a key offered under {@code lookupName}. */
    public sealed interface Verdict {
        record Known(KnownHostEntry entry) implements Verdict {
        }

        /**
         * No key of the offered type is recorded. {@code otherTypes} holds the recorded keys of other types for
         * the host: then this is no first connection, and the user must hear so before accepting.
         */
        record Unknown(List<KnownHostEntry> otherTypes) implements Verdict {
            public Unknown {
                otherTypes = List.copyOf(otherTypes);
            }
        }

        /** A key of the same type is recorded and differs. */
        record Changed(KnownHostEntry recorded) implements Verdict {
        }

        /** The offered key is marked {@code @revoked}. */
        record Revoked(KnownHostEntry entry) implements Verdict {
        }
    }

    public Verdict check(String lookupName, byte[] offeredKey) throws IOException {
        List<KnownHostEntry> entries = entriesFor(lookupName);
        for (KnownHostEntry entry : entries) {
            if (entry.isRevoked() && entry.hasKey(offeredKey)) {
                return new Verdict.Revoked(entry);
            }
        }
        String offeredType = HostKeyFingerprint.keyType(offeredKey);
        KnownHostEntry differing = null;
        List<KnownHostEntry> otherTypes = new ArrayList<>();
        for (KnownHostEntry entry : entries) {
            if (entry.marker().isEmpty()) {
                if (entry.hasKey(offeredKey)) {
                    return new Verdict.Known(entry);
                }
                if (entry.keyType().equals(offeredType)) {
                    differing = differing == null ? entry : differing;
                } else {
                    otherTypes.add(entry);
                }
            }
        }
        return differing == null ? new Verdict.Unknown(otherTypes) : new Verdict.Changed(differing);
    }

    /** All plain (unmarked) entries for a host, in file order. */
    public List<KnownHostEntry> entriesFor(String lookupName) throws IOException {
        List<KnownHostEntry> matching = new ArrayList<>();
        for (Path file : allFiles()) {
            for (KnownHostEntry entry : read(file)) {
                if (!entry.isCertificateAuthority() && entry.matchesHost(lookupName)) {
                    matching.add(entry);
                }
            }
        }
        return matching;
    }

    private List<Path> allFiles() {
        List<Path> all = new ArrayList<>(userFiles);
        all.addAll(globalFiles);
        return all;
    }

    /**
     * The entries of one file; a missing file has none, unparsable lines are skipped. Read as bytes: a byte that
     * is not UTF-8 spoils its own line only, as in OpenSSH.
     */
    static List<KnownHostEntry> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines = ConfigText.decode(Files.readAllBytes(file)).lines().toList();
        List<KnownHostEntry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            KnownHostEntry.parse(file, i + 1, lines.get(i)).ifPresent(entries::add);
        }
        return entries;
    }

    /** The file that receives new keys, if any user file is configured. */
    public Optional<Path> recordFile() {
        return userFiles.isEmpty() ? Optional.empty() : Optional.of(userFiles.getFirst());
    }

    /** Appends a key for {@code lookupName} to the record file, creating it (and {@code ~/.ssh}) privately. */
    public void record(String lookupName, byte[] key) throws IOException {
        Path file = recordFile().orElseThrow(() -> new IOException("no known_hosts file is configured"));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
            setPermissions(parent, "rwx------");
        }
        boolean created = !Files.exists(file);
        String hostField;
        if (hashNewEntries) {
            byte[] salt = new byte[20];
            new SecureRandom().nextBytes(salt);
            hostField = KnownHostEntry.hashedHostField(lookupName, salt);
        } else {
            hostField = lookupName;
        }
        String prefix = !created && Files.size(file) > 0 && !endsWithNewline(file) ? "\n" : "";
        String line = prefix + hostField + " " + HostKeyFingerprint.keyType(key) + " "
                + Base64.getEncoder().encodeToString(key) + "\n";
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (created) {
            setPermissions(file, "rw-------");
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return bytes.length == 0 || bytes[bytes.length - 1] == '\n';
    }

    private static void setPermissions(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Windows keeps the folder's default ACLs, which already restrict the profile to its user
        }
    }
}
