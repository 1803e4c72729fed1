package dev.tern.transport.session;

import com.google.protobuf.ByteString;
import dev.tern.transport.proto.UserInputProto;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * What the user did, in order: keystroke bytes and window resizes (mosh's UserStream, docs/PROTOCOL.md §7.1).
 * The log only grows, so a state is just "the first N events" ({@link UserStreamState}); every state is a
 * prefix of every later one, as the server requires. Events the server acknowledged are forgotten.
 * Owned by the session thread.
 */
public final class UserStream {
    /** A run of keystroke bytes or one resize, at a position in the event sequence. */
    private record Segment(long start, byte[] keys, int width, int height) {
        boolean isResize() {
            return keys == null;
        }

        long end() {
            return start + (isResize() ? 1 : keys.length);
        }
    }

    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    private long eventCount;
    private long forgottenBefore;

    /** A run of events as a journal keeps it: keystroke bytes, or one resize when {@code keys} is null. */
    record Event(byte[] keys, int width, int height) {
        boolean isResize() {
            return keys == null;
        }
    }

    public UserStream() {
    }

    /**
     * A stream taken over from an earlier process: the first {@code start} events are ones the server already
     * acknowledged (never needed again), followed by {@code events}.
     */
    static UserStream resumed(long start, java.util.List<Event> events) {
        UserStream stream = new UserStream();
        stream.eventCount = start;
        stream.forgottenBefore = start;
        for (Event event : events) {
            if (event.isResize()) {
                stream.resize(event.width(), event.height());
            } else {
                stream.type(event.keys());
            }
        }
        return stream;
    }

    /** The events in {@code [from, to)}, runs cut at the bounds, for a journal. */
    java.util.List<Event> events(long from, long to) {
        if (from < forgottenBefore) {
            throw new IllegalStateException("events of a forgotten state");
        }
        java.util.List<Event> out = new java.util.ArrayList<>();
        for (Segment s : segments) {
            if (s.end() <= from) {
                continue;
            }
            if (s.start() >= to) {
                break;
            }
            if (s.isResize()) {
                out.add(new Event(null, s.width(), s.height()));
            } else {
                int off = (int) (Math.max(from, s.start()) - s.start());
                int end = (int) (Math.min(to, s.end()) - s.start());
                out.add(new Event(java.util.Arrays.copyOfRange(s.keys(), off, end), 0, 0));
            }
        }
        return out;
    }

    public void type(byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        segments.addLast(new Segment(eventCount, bytes.clone(), 0, 0));
        eventCount += bytes.length;
    }

    public void resize(int width, int height) {
        segments.addLast(new Segment(eventCount, null, width, height));
        eventCount++;
    }

    public UserStreamState snapshot() {
        return new UserStreamState(this, eventCount);
    }

    public long eventCount() {
        return eventCount;
    }

    /** Key presses (and pastes) among the events from {@code from} up to {@code to}; resizes do not count. */
    int keyPressesBetween(long from, long to) {
        int presses = 0;
        for (Segment segment : segments) {
            if (!segment.isResize() && segment.start() >= from && segment.start() < to) {
                presses++;
            }
        }
        return presses;
    }

    /** Drops events before {@code count}: no diff will ever start earlier than an acknowledged state. */
    void forgetBefore(long count) {
        while (!segments.isEmpty() && segments.peekFirst().end() <= count) {
            segments.pollFirst();
        }
        forgottenBefore = Math.max(forgottenBefore, count);
    }

    /** The serialized {@code ClientBuffers.UserMessage} with the events in {@code [from, to)}. */
    byte[] diff(long from, long to) {
        if (from >= to) {
            return new byte[0];
        }
        if (from < forgottenBefore) {
            throw new IllegalStateException("diff from a forgotten state");
        }
        UserInputProto.UserMessage.Builder message = UserInputProto.UserMessage.newBuilder();
        ByteArrayOutputStream keys = new ByteArrayOutputStream();
        for (Iterator<Segment> it = segments.iterator(); it.hasNext(); ) {
            Segment s = it.next();
            if (s.end() <= from) {
                continue;
            }
            if (s.start() >= to) {
                break;
            }
            if (s.isResize()) {
                flushKeys(message, keys);
                message.addInstruction(UserInputProto.Instruction.newBuilder()
                        .setResize(UserInputProto.ResizeMessage.newBuilder().setWidth(s.width()).setHeight(s.height())));
            } else {
                int off = (int) (Math.max(from, s.start()) - s.start());
                int end = (int) (Math.min(to, s.end()) - s.start());
                keys.write(s.keys(), off, end - off); // consecutive bytes travel as one Keystroke
            }
        }
        flushKeys(message, keys);
        return message.build().toByteArray();
    }

    private static void flushKeys(UserInputProto.UserMessage.Builder message, ByteArrayOutputStream keys) {
        if (keys.size() > 0) {
            message.addInstruction(UserInputProto.Instruction.newBuilder()
                    .setKeystroke(UserInputProto.Keystroke.newBuilder().setKeys(ByteString.copyFrom(keys.toByteArray()))));
            keys.reset();
        }
    }
}
