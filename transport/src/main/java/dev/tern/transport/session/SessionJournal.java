package dev.tern.transport.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One session's journal, held (locked) by this process for as long as it drives the session. Saves replace the
 * file atomically (a sealed temporary file, synced, renamed over it, the folder synced), so a crash at any moment
 * leaves either the previous save or the new one. {@link #close()} keeps the file for a later resume (a detach);
 * {@link #delete()} removes it (the session ended).
 */
public final class SessionJournal implements AutoCloseable {
    private final SessionJournals folder;
    private final byte[] wrappingKey;
    private final SessionJournals.Held held;
    private final JournalRecord saved;
    private volatile JournalInfo info;
    private boolean released;

    SessionJournal(SessionJournals folder, JournalInfo info, byte[] wrappingKey, SessionJournals.Held held,
                   JournalRecord saved) {
        this.folder = folder;
        this.info = info;
        this.wrappingKey = wrappingKey;
        this.held = held;
        this.saved = saved;
    }

    public JournalInfo info() {
        return info;
    }

    public String id() {
        return info.id();
    }

    /** Where the journal is (or will be) on disk. */
    public Path file() {
        return folder.journalFile(info.id());
    }

    /** Whether this journal was opened from disk, so its session can be resumed (rather than a new one). */
    public boolean hasSavedSession() {
        return saved != null;
    }

    /**
     * The number of the server screen saved in this journal, which a resumed session shows before its server has
     * answered; -1 when it holds no saved session.
     */
    public long savedScreenNumber() {
        return saved == null ? -1 : saved.screenNumber();
    }

    JournalRecord savedRecord() {
        return saved;
    }

    synchronized void save(JournalRecord record) throws IOException {
        if (released) {
            throw new IOException("the journal was closed");
        }
        info = record.info();
        byte[] bytes = JournalCodec.seal(record, wrappingKey, Instant.now());
        Path file = file();
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(file.getParent());
    }

    /** Records when the server was last heard from, for lists; written with the next save. */
    void noteContact(Instant at) {
        info = info.withLastContact(Optional.of(at));
    }

    /** The session ended: the journal goes, and the lock with it. */
    public synchronized void delete() {
        if (released) {
            return;
        }
        try {
            Files.deleteIfExists(file());
            Files.deleteIfExists(file().resolveSibling(file().getFileName() + ".tmp"));
            Files.deleteIfExists(folder.lockFile(info.id()));
        } catch (IOException ignored) {
            // a leftover file is listed and can be removed later; the session is over either way
        }
        release();
    }

    /** Lets go of the session and keeps its journal, so another process may resume it. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        if (!Files.exists(file())) {
            delete(); // never saved: nothing to resume, and no lock file to leave behind
            return;
        }
        release();
    }

    private void release() {
        released = true;
        held.release();
    }

    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisPlatform) {
            // Windows cannot open a folder as a channel; its rename is durable by itself there
        }
    }
}
