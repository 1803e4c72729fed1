package dev.tern.app.profile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * Replaces a file so that a crash or kill at any moment leaves either the old or the new content, never a mix:
 * write a temp file beside it, fsync it, keep the old file as {@code <name>.bak}, rename the temp file over the
 * target, fsync the folder.
 */
public final class AtomicFileWriter {
    /** The points of a save at which a test can simulate a crash. */
    public enum Step { TEMP_WRITTEN, BACKUP_WRITTEN, RENAMED }

    /** Called at each step; tests throw from it to simulate a kill. */
    @FunctionalInterface
    public interface StepObserver {
        void reached(Step step) throws IOException;
    }

    static final String TEMP_MARKER = ".tmp-";

    private final StepObserver observer;

    public AtomicFileWriter() {
        this(step -> {
        });
    }

    public AtomicFileWriter(StepObserver observer) {
        this.observer = observer;
    }

    public static Path backupOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".bak");
    }

    /** Writes {@code content} to {@code target}; with {@code keepBackup} the previous content goes to the backup. */
    public void write(Path target, byte[] content, boolean keepBackup) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(target.getFileName() + TEMP_MARKER + UUID.randomUUID());
        try {
            writeSynced(temp, content);
            observer.reached(Step.TEMP_WRITTEN);
            if (keepBackup && Files.isRegularFile(target)) {
                Path backupTemp = dir.resolve(backupOf(target).getFileName() + TEMP_MARKER + UUID.randomUUID());
                try {
                    writeSynced(backupTemp, Files.readAllBytes(target));
                    move(backupTemp, backupOf(target));
                } finally {
                    Files.deleteIfExists(backupTemp);
                }
                observer.reached(Step.BACKUP_WRITTEN);
            }
            move(temp, target);
            syncDirectory(dir);
            observer.reached(Step.RENAMED);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Deletes temp files a killed save left behind next to {@code target}. Call it only while holding whatever lock
     * every writer of {@code target} takes: a temp file is also what a save in progress looks like.
     */
    public static void deleteLeftovers(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        String prefix = target.getFileName() + TEMP_MARKER;
        try (var files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().startsWith(prefix)).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // a leftover we cannot delete does no harm: it is never read
                }
            });
        } catch (IOException ignored) {
            // listing failed: nothing to clean
        }
    }

    private static void writeSynced(Path file, byte[] content) throws IOException {
        try {
            // owner-only where the file system knows POSIX modes: the file says which hosts the user reaches
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void syncDirectory(Path dir) {
        // makes the rename itself durable on POSIX; Windows cannot open a folder this way, and NTFS journals it
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }
}
