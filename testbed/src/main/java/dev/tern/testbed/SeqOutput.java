package dev.tern.testbed;

import java.util.List;

/**
 * What the history tests check in a copied history or a terminal's scrollback after {@code seq 1 N}: every line
 * once and in order with no marker left (complete history), or, without a recording, one marker row per gap and
 * no blank row. Marker rows are the ones Tern writes where lines were not received.
 */
public final class SeqOutput {
    private SeqOutput() {
    }

    public static boolean isMarker(String line) {
        return line.contains("lines not received");
    }

    /** What is wrong with {@code history} (a marker, a line out of place, lines missing), or null when nothing. */
    public static String wrongIn(String history, int lines) {
        int expected = 1;
        for (String raw : history.split("\n", -1)) {
            String line = raw.strip();
            if (isMarker(line)) {
                return "a marker is left although the recording arrived: " + line;
            }
            if (line.equals(Integer.toString(expected))) {
                expected++;
            } else if (!line.isEmpty() && line.chars().allMatch(Character::isDigit)) {
                return "line " + line + " where " + expected + " was due";
            }
        }
        return expected == lines + 1 ? null : "the history holds lines 1 to " + (expected - 1) + " of " + lines;
    }

    /**
     * Where the output of {@code seq} begins in {@code rows}: the first number or marker row, or -1. Not the row after
     * the command line: the command line itself may have gone by unseen (mosh-server's first screen after it can
     * already hold output), and then a marker stands for it too.
     */
    public static int outputStart(List<String> rows) {
        for (int i = 0; i < rows.size(); i++) {
            String line = rows.get(i).strip();
            if (isMarker(line) || (!line.isEmpty() && line.chars().allMatch(Character::isDigit))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Checks {@code rows}, the output of {@code seq 1 lines} up to (not including) the row that contains {@code end}:
     * numbers in order, each gap in them stood for by exactly one marker row, no blank row, the last line there.
     * Returns how many markers there were; throws an AssertionError saying what is wrong.
     */
    public static int assertGapsMarked(List<String> rows, int lines, String end) {
        int previous = 0, markers = 0;
        boolean markerSincePrevious = false;
        for (String raw : rows) {
            String line = raw.strip();
            if (line.contains(end)) {
                break;
            }
            check(!line.isEmpty(), "no blank rows, after " + previous);
            if (isMarker(line)) {
                check(!markerSincePrevious, "one marker per gap, not two in a row, after " + previous);
                markers++;
                markerSincePrevious = true;
                continue;
            }
            int n = Integer.parseInt(line);
            check(n > previous, "in order: " + n + " after " + previous);
            check((n != previous + 1) == markerSincePrevious,
                    "a marker stands exactly where lines are missing: " + n + " after " + previous);
            markerSincePrevious = false;
            previous = n;
        }
        check(previous == lines, "the last line is there: " + previous + " of " + lines);
        return markers;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
