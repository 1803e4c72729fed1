package dev.tern.transport.session;

import dev.tern.transport.screen.ScreenImage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A journal record as bytes on disk: {@code TERNJNL1}, a 12-byte nonce, then the record sealed with AES-256-GCM
 * under the user's wrapping key, so neither the session key nor the screen is ever on disk in clear. The
 * journal's id is bound in as associated data: a file renamed to another session's name does not open.
 *
 * <p>Times are stored as the wall-clock moment of the save and ages before it, never as one process's monotonic
 * clock.
 */
final class JournalCodec {
    private static final byte[] MAGIC = "TERNJNL1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_EVENTS = 1 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private JournalCodec() {
    }

    static byte[] seal(JournalRecord record, byte[] wrappingKey, Instant savedAt) throws IOException {
        byte[] plain = encode(record, savedAt);
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(wrappingKey, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(record.info().id().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            Arrays.fill(plain, (byte) 0);
            ByteArrayOutputStream out = new ByteArrayOutputStream(MAGIC.length + NONCE + sealed.length);
            out.write(MAGIC);
            out.write(nonce);
            out.write(sealed);
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encrypt the session journal: " + e.getMessage(), e);
        }
    }

    /** @throws IOException if the file is not a journal, was written under another key or id, or is damaged */
    static JournalRecord open(byte[] file, String id, byte[] wrappingKey) throws IOException {
        if (file.length < MAGIC.length + NONCE || !Arrays.equals(MAGIC, Arrays.copyOf(file, MAGIC.length))) {
            throw new IOException("not a Tern session journal");
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(wrappingKey, "AES"),
                    new GCMParameterSpec(TAG_BITS, file, MAGIC.length, NONCE));
            cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
            plain = cipher.doFinal(file, MAGIC.length + NONCE, file.length - MAGIC.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IOException("the session journal does not open with this user's journal key (damaged, or "
                    + "written under another key)");
        }
        try {
            return decode(plain, id);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static byte[] encode(JournalRecord r, Instant savedAt) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        DataOutputStream out = new DataOutputStream(bytes);
        JournalInfo info = r.info();
        out.writeUTF(info.label());
        out.writeUTF(info.serverHost());
        out.writeInt(info.serverPort());
        out.writeLong(info.serverPid().orElse(-1));
        out.writeLong(savedAt.toEpochMilli());
        out.writeLong(savedAt.toEpochMilli() - info.started().toEpochMilli());
        out.writeLong(info.lastContact().map(c -> savedAt.toEpochMilli() - c.toEpochMilli()).orElse(-1L));
        out.write(r.key());
        out.writeLong(r.sequenceMark());
        out.writeLong(r.stateMark());
        out.writeLong(r.instructionMark());
        out.writeLong(r.screenNumber());
        out.writeLong(r.screenEchoAck());
        ScreenImage.write(r.screen(), out);
        out.writeLong(r.inputAcknowledged());
        out.writeLong(r.inputBase());
        out.writeInt(r.inputEvents().size());
        for (UserStream.Event event : r.inputEvents()) {
            out.writeBoolean(event.isResize());
            if (event.isResize()) {
                out.writeInt(event.width());
                out.writeInt(event.height());
            } else {
                out.writeInt(event.keys().length);
                out.write(event.keys());
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static JournalRecord decode(byte[] plain, String id) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
        String label = in.readUTF();
        String host = in.readUTF();
        int port = in.readInt();
        long pid = in.readLong();
        long savedAt = in.readLong();
        long startedAge = in.readLong();
        long contactAge = in.readLong();
        byte[] key = new byte[16];
        in.readFully(key);
        long sequenceMark = in.readLong();
        long stateMark = in.readLong();
        long instructionMark = in.readLong();
        long screenNumber = in.readLong();
        long echoAck = in.readLong();
        var screen = ScreenImage.read(in);
        long inputAcknowledged = in.readLong();
        long inputBase = in.readLong();
        int count = in.readInt();
        if (count < 0 || count > MAX_EVENTS) {
            throw new IOException("damaged session journal: " + count + " input events");
        }
        List<UserStream.Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (in.readBoolean()) {
                events.add(new UserStream.Event(null, in.readInt(), in.readInt()));
            } else {
                int length = in.readInt();
                if (length < 0 || length > plain.length) {
                    throw new IOException("damaged session journal: an input event of " + length + " bytes");
                }
                byte[] keys = new byte[length];
                in.readFully(keys);
                events.add(new UserStream.Event(keys, 0, 0));
            }
        }
        JournalInfo info = new JournalInfo(id, label, host, port, pid < 0 ? OptionalLong.empty() : OptionalLong.of(pid),
                Instant.ofEpochMilli(savedAt - startedAge),
                contactAge < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(savedAt - contactAge)));
        return new JournalRecord(info, key, sequenceMark, stateMark, instructionMark, screenNumber, echoAck, screen,
                inputAcknowledged, inputBase, events);
    }
}
