package dev.tern.app.profile;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The profiles file ({@value #FILE_NAME} in the config folder): loading never fails (a broken file is moved aside
 * and the backup loaded), saving is atomic with the previous version kept as a backup, and every save re-reads the
 * file under a lock so two Tern instances never silently drop each other's edits.
 */
public final class ProfileStore {
    public static final String FILE_NAME = "profiles.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    /** FileLock is per process; this keeps two stores of one process on the same file in line too. */
    private static final Map<Path, ReentrantLock> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final AtomicFileWriter writer;
    private final Clock clock;
    private ProfilesDocument current = ProfilesDocument.empty();
    private String readOnlyReason;

    public ProfileStore(Path configDir) {
        this(configDir, new AtomicFileWriter(), Clock.systemUTC());
    }

    public ProfileStore(Path configDir, AtomicFileWriter writer, Clock clock) {
        this.file = configDir.resolve(FILE_NAME).toAbsolutePath().normalize();
        this.writer = writer;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    public Path backupFile() {
        return AtomicFileWriter.backupOf(file);
    }

    public synchronized ProfilesDocument current() {
        return current;
    }

    public synchronized boolean isReadOnly() {
        return readOnlyReason != null;
    }

    /**
     * Reads the file; never throws. Runs under the same lock as {@link #update}: a load may write too (a secret
     * scrubbed, a broken file moved aside, leftovers of a killed save deleted), and only under the lock is a temp
     * file beside the profiles surely a leftover rather than another instance's save in progress.
     */
    public LoadReport load() {
        try {
            return underLock(true, this::loadLocked);
        } catch (IOException e) {
            // no lock to be had (a read-only folder, a file system without locks): read, but change nothing on disk
            synchronized (this) {
                LoadReport report = loadUnlocked(false);
                readOnlyReason = "the profiles file cannot be locked (" + describe(e) + ")";
                List<String> notices = new ArrayList<>(report.notices());
                notices.add("Tern cannot lock your profiles file (" + describe(e) + "); until that is fixed, "
                        + "changes to profiles are not saved.");
                return new LoadReport(report.document(), notices, true, true);
            }
        }
    }

    private LoadReport loadLocked() {
        AtomicFileWriter.deleteLeftovers(file);
        AtomicFileWriter.deleteLeftovers(backupFile());
        return loadUnlocked(true);
    }

    /** @param mayWrite whether the file may be changed (under the lock only) */
    private LoadReport loadUnlocked(boolean mayWrite) {
        List<String> notices = new ArrayList<>();
        readOnlyReason = null;
        boolean problem = false;
        if (!Files.exists(file)) {
            if (Files.exists(backupFile())) {
                notices.add("The profiles file " + file + " was missing; the backup was loaded.");
                current = readBackupOrEmpty(notices);
                problem = true;
            } else {
                current = ProfilesDocument.empty();
            }
            return new LoadReport(current, notices, problem, false);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            readOnlyReason = "the profiles file " + file + " cannot be read (" + describe(e) + ")";
            notices.add("Tern cannot read your profiles file " + file + " (" + describe(e) + "). Fix its "
                    + "permissions and restart Tern; until then changes to profiles are not saved.");
            current = readBackupOrEmpty(notices);
            return new LoadReport(current, notices, true, true);
        }
        try {
            ProfileJson.Parsed parsed = ProfileJson.read(bytes);
            current = parsed.document();
            notices.addAll(parsed.notes());
            if (parsed.hadSecrets() && !parsed.fromNewer() && mayWrite) {
                scrubSecretsOnDisk(notices);
            }
            if (parsed.fromNewer()) {
                readOnlyReason = "the profiles file was written by a newer version of Tern";
                notices.add("Your profiles file was written by a newer version of Tern. It is shown read-only, "
                        + "so nothing it holds is lost; update Tern to edit profiles.");
                problem = true;
            }
        } catch (ProfilesFileException e) {
            Path aside = mayWrite ? moveAside(notices) : null;
            notices.addFirst("Your profiles file could not be read: " + e.getMessage() + ". "
                    + (aside == null ? "" : "It was kept as " + aside + ". "));
            current = readBackupOrEmpty(notices);
            problem = true;
        }
        return new LoadReport(current, notices, problem, readOnlyReason != null);
    }

    /**
     * Applies {@code edit} to the newest document on disk and saves the result atomically.
     *
     * @return notices for the user (conflicts met, a broken file moved aside); empty when all went as planned
     */
    public List<String> update(ProfileEdit edit) throws IOException {
        return underLock(false, () -> {
            if (readOnlyReason != null) {
                throw new IOException("Profiles are not saved because " + readOnlyReason + ".");
            }
            List<String> notices = new ArrayList<>();
            ProfilesDocument fresh = readForUpdate(notices);
            ProfilesDocument next = edit.apply(fresh, notices);
            writer.write(file, ProfileJson.write(next), true);
            current = next;
            return notices;
        });
    }

    /** Work done while holding the profiles file's lock and this store's monitor. */
    @FunctionalInterface
    private interface Locked<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code work} holding the lock every writer of the profiles file takes: the lock file beside it (other
     * processes), a lock per file within this process (a FileLock is the whole JVM's, so two stores of one process
     * need one of their own), then this store. The order is always the same, so two stores never wait on each
     * other crosswise.
     *
     * @param onlyIfFolderExists a load creates no folder: without one there is nothing to lock or to protect
     */
    private <T> T underLock(boolean onlyIfFolderExists, Locked<T> work) throws IOException {
        ReentrantLock inProcess = IN_PROCESS_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        inProcess.lock();
        try {
            if (onlyIfFolderExists && !Files.isDirectory(file.getParent())) {
                synchronized (this) {
                    return work.run();
                }
            }
            Files.createDirectories(file.getParent());
            try (FileChannel lockChannel = FileChannel.open(file.resolveSibling(FILE_NAME + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockChannel.lock()) {
                synchronized (this) {
                    return work.run();
                }
            }
        } finally {
            inProcess.unlock();
        }
    }

    /** Writes {@code profiles} (no settings) to a file of the user's choice, for another machine. */
    public void exportTo(Path target, List<Profile> profiles) throws IOException {
        ProfilesDocument document = new ProfilesDocument(ProfilesDocument.CURRENT_SCHEMA, AppSettings.DEFAULTS,
                profiles);
        writer.write(target, ProfileJson.write(document), false);
    }

    /** Reads the profiles of an exported file (any schema); they get new ids, so they never replace local ones. */
    public static List<Profile> readExport(Path source) throws IOException, ProfilesFileException {
        ProfileJson.Parsed parsed = ProfileJson.read(Files.readAllBytes(source));
        return parsed.document().profiles().stream().map(p -> p.withId(Profile.newId())).toList();
    }

    private ProfilesDocument readForUpdate(List<String> notices) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return current;
        }
        ProfileJson.Parsed parsed;
        try {
            parsed = ProfileJson.read(bytes);
        } catch (ProfilesFileException e) {
            // someone broke the file after we loaded it: keep it for them and save what this window knows
            Path aside = moveAside(notices);
            if (aside == null) {
                throw new IOException("The profiles file is unreadable and could not be moved aside.", e);
            }
            notices.add("The profiles file had become unreadable (" + e.getMessage() + "); it was kept as "
                    + aside + ". The profiles shown here were saved.");
            return current;
        }
        if (parsed.fromNewer()) {
            readOnlyReason = "the profiles file was written by a newer version of Tern";
            throw new IOException("Not saved: a newer version of Tern has written the profiles file meanwhile.");
        }
        return parsed.document();
    }

    /**
     * A file that held a password (an old schema, a hand edit) is rewritten at once without it, and its backup too,
     * so the secret does not linger on disk until the next edit.
     */
    private void scrubSecretsOnDisk(List<String> notices) {
        try {
            writer.write(file, ProfileJson.write(current), false);
            Path backup = backupFile();
            if (Files.exists(backup)) {
                ProfileJson.Parsed old = ProfileJson.read(Files.readAllBytes(backup));
                if (old.hadSecrets() && !old.fromNewer()) {
                    writer.write(backup, ProfileJson.write(old.document()), false);
                }
            }
        } catch (IOException | ProfilesFileException e) {
            notices.add("The password could not be removed from the file yet (" + describe(e) + "); it will be "
                    + "at the next save.");
        }
    }

    private ProfilesDocument readBackupOrEmpty(List<String> notices) {
        Path backup = backupFile();
        if (!Files.exists(backup)) {
            notices.add("No backup was found, so Tern starts with no profiles.");
            return ProfilesDocument.empty();
        }
        try {
            ProfilesDocument document = ProfileJson.read(Files.readAllBytes(backup)).document();
            notices.add("The backup " + backup + " was loaded (" + document.profiles().size() + " profile"
                    + (document.profiles().size() == 1 ? "" : "s") + ").");
            return document;
        } catch (IOException | ProfilesFileException e) {
            notices.add("The backup " + backup + " could not be read either (" + describe(e) + "), so Tern "
                    + "starts with no profiles.");
            return ProfilesDocument.empty();
        }
    }

    private Path moveAside(List<String> notices) {
        Path aside = file.resolveSibling(FILE_NAME + ".corrupt-" + STAMP.format(clock.instant()));
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(FILE_NAME + ".corrupt-" + STAMP.format(clock.instant()) + "-" + n);
        }
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            return aside;
        } catch (IOException e) {
            readOnlyReason = "the broken profiles file could not be moved aside (" + describe(e) + ")";
            notices.add("The broken file could not be moved aside (" + describe(e) + "); profiles are not saved "
                    + "until it is fixed or removed.");
            return null;
        }
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
