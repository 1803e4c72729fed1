package dev.tern.transport.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder of session journals: one encrypted file per Mosh session that a new process may resume
 * ({@code ID.journal}), a lock file beside each ({@code ID.lock}: held by the process driving the session, and
 * naming its pid), and the wrapping key all journals are sealed with: in a {@link KeyVault} (the OS keychain) where
 * the app supplies one that works, marked by the file {@code journal.key.vault}; else in {@code journal.key},
 * readable by the user only. The key is made on first use, and a folder keeps the home it began with.
 */
public final class SessionJournals {
    static final String JOURNAL = ".journal";
    static final String LOCK = ".lock";
    static final String KEY_FILE = "journal.key";
    static final String VAULT_MARKER = "journal.key.vault";
    private static final String KEY_LOCK = "journal.key.lock";
    private static final int WRAPPING_KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Lock files this process holds. They are never opened a second time here: closing any channel of a file
     * releases every lock the process holds on it (POSIX record locks).
     */
    private static final Set<Path> HELD_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final KeyVault vault;

    private SessionJournals(Path folder, KeyVault vault) {
        this.folder = folder;
        this.vault = vault;
    }

    /** Journals whose key is kept in a file (or in a vault an earlier process chose, which this one cannot reach). */
    public static SessionJournals in(Path folder) {
        return new SessionJournals(folder.toAbsolutePath(), null);
    }

    /** Journals whose key is kept in {@code vault} when it is available as the key is first made. */
    public static SessionJournals in(Path folder, KeyVault vault) {
        return new SessionJournals(folder.toAbsolutePath(), java.util.Objects.requireNonNull(vault, "vault"));
    }

    public Path folder() {
        return folder;
    }

    /** A journal in the list, and the pid of the process that has it open, if one does. */
    public record Entry(JournalInfo info, OptionalLong openIn) {
    }

    /** Another process drives this session. */
    public static final class InUseException extends IOException {
        private final OptionalLong pid;

        InUseException(String id, OptionalLong pid) {
            super("session " + id + " is open in " + pid.stream().mapToObj(p -> "process " + p).findFirst()
                    .orElse("another process") + "; leave it there first (Ctrl-^ then d detaches it)");
            this.pid = pid;
        }

        public OptionalLong pid() {
            return pid;
        }
    }

    /** A journal for a new session, locked by this process; nothing is on disk until its first save. */
    public SessionJournal create(String label, String serverHost, int serverPort, OptionalLong serverPid)
            throws IOException {
        prepareFolder();
        byte[] wrappingKey = wrappingKey();
        for (int attempt = 0; attempt < 16; attempt++) {
            byte[] raw = new byte[4];
            RANDOM.nextBytes(raw);
            String id = HexFormat.of().formatHex(raw);
            if (Files.exists(journalFile(id)) || Files.exists(lockFile(id))) {
                continue;
            }
            Held held = lock(id);
            JournalInfo info = new JournalInfo(id, label, serverHost, serverPort, serverPid, Instant.now(),
                    Optional.empty());
            return new SessionJournal(this, info, wrappingKey, held, null);
        }
        throw new IOException("could not choose a new journal name in " + folder);
    }

    /**
     * Opens a saved journal to resume its session, locked by this process.
     *
     * @throws InUseException if another process has it open
     * @throws NoSuchFileException if there is no journal of that id
     * @throws IOException if it cannot be read or decrypted
     */
    public SessionJournal open(String id) throws IOException {
        if (!id.matches("[0-9a-f]{1,32}")) {
            throw new NoSuchFileException(id);
        }
        if (!Files.exists(journalFile(id))) {
            throw new NoSuchFileException(journalFile(id).toString());
        }
        byte[] wrappingKey = wrappingKey();
        Held held = lock(id);
        try {
            JournalRecord record = JournalCodec.open(Files.readAllBytes(journalFile(id)), id, wrappingKey);
            return new SessionJournal(this, record.info(), wrappingKey, held, record);
        } catch (IOException | RuntimeException e) {
            held.release();
            throw e;
        }
    }

    /** Saved journals, newest contact first; those that cannot be read are left out. */
    public List<Entry> list() throws IOException {
        if (!Files.isDirectory(folder)
                || !Files.exists(folder.resolve(KEY_FILE)) && !Files.exists(folder.resolve(VAULT_MARKER))) {
            return List.of();
        }
        byte[] wrappingKey = wrappingKey();
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(JOURNAL)).toList()) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - JOURNAL.length());
                try {
                    JournalInfo info = JournalCodec.open(Files.readAllBytes(file), id, wrappingKey).info();
                    entries.add(new Entry(info, holder(id)));
                } catch (IOException unreadable) {
                    // a damaged or foreign file: not a session anyone can resume
                }
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> e.info().lastContact().orElse(e.info().started()))
                .reversed());
        return entries;
    }

    Path journalFile(String id) {
        return folder.resolve(id + JOURNAL);
    }

    Path lockFile(String id) {
        return folder.resolve(id + LOCK);
    }

    private void prepareFolder() throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (posix()) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rwx------")));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** The user's wrapping key: read, or made on first use (in the vault where one works, else in a private file). */
    private byte[] wrappingKey() throws IOException {
        prepareFolder();
        Path file = folder.resolve(KEY_FILE);
        Path marker = folder.resolve(VAULT_MARKER);
        if (!Files.exists(file) && !Files.exists(marker)) {
            // one process (and one thread) at a time decides where the key lives: two keys would leave journals
            // sealed under the first unreadable
            synchronized (SessionJournals.class) {
                try (FileChannel lockChannel = FileChannel.open(folder.resolve(KEY_LOCK), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock ignored = lockChannel.lock()) {
                    if (!Files.exists(file) && !Files.exists(marker) && newKeyInVault() == null) {
                        makeKeyFile(file);
                    }
                }
            }
        }
        return Files.exists(file) ? readKeyFile(file) : keyFromVault();
    }

    private byte[] keyFromVault() throws IOException {
        String where = vault == null ? "the system keychain" : vault.name();
        if (vault == null || !vault.available()) {
            throw new IOException("the key of the saved sessions is kept in " + where + ", which this process cannot "
                    + "reach; use Tern where it is unlocked (delete " + folder.resolve(VAULT_MARKER)
                    + " to start over: saved sessions are then lost)");
        }
        byte[] key = vault.load().orElseThrow(() -> new IOException(where + " no longer holds the key of the saved "
                + "sessions; delete " + folder.resolve(VAULT_MARKER) + " to start over (saved sessions are then lost)"));
        if (key.length != WRAPPING_KEY_BYTES) {
            throw new IOException("the key of the saved sessions in " + where + " is damaged (" + key.length
                    + " bytes); delete " + folder.resolve(VAULT_MARKER) + " to start over");
        }
        return key;
    }

    /** A new key stored in the vault and marked as kept there; null when there is no vault or it refused. */
    private byte[] newKeyInVault() throws IOException {
        if (vault == null || !vault.available()) {
            return null;
        }
        byte[] key = new byte[WRAPPING_KEY_BYTES];
        RANDOM.nextBytes(key);
        if (!vault.store(key) || !vault.load().map(stored -> java.util.Arrays.equals(stored, key)).orElse(false)) {
            return null;
        }
        Files.writeString(folder.resolve(VAULT_MARKER), "The key that seals these session journals is kept in "
                + vault.name() + ".\n", StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        syncFolder();
        return key;
    }

    private void syncFolder() {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisPlatform) {
            // Windows cannot open a folder as a channel
        }
    }

    private void makeKeyFile(Path file) throws IOException {
        byte[] key = new byte[WRAPPING_KEY_BYTES];
        RANDOM.nextBytes(key);
        Path temporary = folder.resolve(KEY_FILE + "." + ProcessHandle.current().pid() + ".new");
        try (FileChannel channel = posix()
                ? FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(key));
            channel.force(true);
        }
        try {
            // never replaces a key another process made meanwhile: journals sealed under it must stay readable
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException madeMeanwhile) {
            // use theirs
        } catch (UnsupportedOperationException noLinks) {
            Files.move(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private byte[] readKeyFile(Path file) throws IOException {
        if (posix()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new AccessDeniedException(file.toString(), null, "the journal key may be read by other users; "
                        + "make it private (chmod 600 " + file + ") or delete it (saved sessions are then lost)");
            }
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != WRAPPING_KEY_BYTES) {
            throw new IOException("the journal key " + file + " is damaged (" + key.length + " bytes); delete it "
                    + "(saved sessions are then lost)");
        }
        return key;
    }

    record Held(Path file, FileChannel channel, FileLock lock) {
        void release() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing releases the lock; nothing else to undo
            } finally {
                HELD_HERE.remove(file);
            }
        }
    }

    private Held lock(String id) throws IOException {
        Path file = lockFile(id);
        if (!HELD_HERE.add(file)) {
            throw new InUseException(id, OptionalLong.of(ProcessHandle.current().pid()));
        }
        try {
            return lockFile(id, file);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(file);
            throw e;
        }
    }

    private Held lockFile(String id, Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException thisProcess) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            OptionalLong pid = readPidOfNewHolder(channel);
            channel.close();
            throw new InUseException(id, pid);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)),
                0);
        channel.force(false);
        return new Held(file, channel, lock);
    }

    /** The pid holding the journal's lock, or empty when it is free. */
    private OptionalLong holder(String id) {
        Path file = lockFile(id);
        if (HELD_HERE.contains(file)) {
            return OptionalLong.of(ProcessHandle.current().pid());
        }
        if (!Files.exists(file)) {
            return OptionalLong.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = channel.tryLock();
            } catch (OverlappingFileLockException thisProcess) {
                return OptionalLong.of(ProcessHandle.current().pid());
            }
            if (probe != null) {
                probe.release();
                return OptionalLong.empty();
            }
            OptionalLong pid = readPid(channel);
            return pid.isPresent() ? pid : OptionalLong.of(-1);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** The holder may have just taken the lock and not yet written its pid: give it a moment. */
    private static OptionalLong readPidOfNewHolder(FileChannel channel) {
        OptionalLong pid = readPid(channel);
        for (int attempt = 0; pid.isEmpty() && attempt < 20; attempt++) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pid = readPid(channel);
        }
        return pid;
    }

    private static OptionalLong readPid(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            return text.matches("\\d{1,18}") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private boolean posix() {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
