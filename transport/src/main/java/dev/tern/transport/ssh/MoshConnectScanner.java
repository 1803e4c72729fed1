package dev.tern.transport.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code mosh-server new} prints, from both stdout and stderr, in any order and with any noise from
 * shell startup files around it: finds the {@code MOSH CONNECT <port> <key>} line and the detached server's pid,
 * and keeps the other lines to show when something goes wrong. Terminal line ends ({@code \r\n}) are tolerated.
 */
final class MoshConnectScanner {
    private static final Pattern CONNECT = Pattern.compile("^MOSH CONNECT (\\d{1,5}) ([A-Za-z0-9/+]{22})\\s*$");
    private static final Pattern DETACHED = Pattern.compile("\\[mosh-server detached, pid = (\\d+)\\]");
    private static final int MAX_KEPT_LINES = 200;

    /** The port and key of a MOSH CONNECT line. */
    record Connect(int port, String key) {
    }

    private final StringBuilder partialStdout = new StringBuilder();
    private final StringBuilder partialStderr = new StringBuilder();
    private final List<String> otherLines = new ArrayList<>();
    private Connect connect;
    private String malformedConnectLine;
    private long pid = -1;

    /** Feeds a chunk of stdout ({@code fromStderr} false) or stderr; lines may be split across chunks. */
    synchronized void feed(String chunk, boolean fromStderr) {
        StringBuilder partial = fromStderr ? partialStderr : partialStdout;
        partial.append(chunk);
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            line(partial.substring(0, newline));
            partial.delete(0, newline + 1);
        }
    }

    /** Processes whatever is left without a line end (the stream ended). */
    synchronized void finish() {
        for (StringBuilder partial : List.of(partialStdout, partialStderr)) {
            if (!partial.isEmpty()) {
                line(partial.toString());
                partial.setLength(0);
            }
        }
    }

    /** One complete line, without its {@code \n}. */
    synchronized void line(String raw) {
        String line = raw.replace("\r", "");
        Matcher connectMatch = CONNECT.matcher(line);
        if (connect == null && connectMatch.matches()) {
            int port = Integer.parseInt(connectMatch.group(1));
            if (port >= 1 && port <= 65535) {
                connect = new Connect(port, connectMatch.group(2));
                return;
            }
        }
        if (connect == null && line.startsWith("MOSH CONNECT")) {
            if (malformedConnectLine == null) {
                malformedConnectLine = line;
            }
        }
        Matcher detached = DETACHED.matcher(line);
        if (detached.find()) {
            try {
                pid = Long.parseLong(detached.group(1));
            } catch (NumberFormatException absurd) {
                pid = -1;
            }
            return;
        }
        if (!line.isBlank() && otherLines.size() < MAX_KEPT_LINES) {
            otherLines.add(line);
        }
    }

    synchronized Optional<Connect> connect() {
        return Optional.ofNullable(connect);
    }

    synchronized Optional<String> malformedConnectLine() {
        return Optional.ofNullable(malformedConnectLine);
    }

    synchronized OptionalLong serverPid() {
        return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
    }

    /** Every non-blank line that was neither the CONNECT line nor the pid line, in arrival order. */
    synchronized List<String> otherLines() {
        return List.copyOf(otherLines);
    }
}
