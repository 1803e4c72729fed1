package dev.tern.transport.ssh;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server side of a Mosh tab's complete history (docs/PROTOCOL.md §12): the session's shell runs under the
 * host's own {@code script} (util-linux or BSD), which copies every byte the programs write into a file, and Tern
 * reads that file over the session's {@link CompanionConnection}. Nothing is installed on the server: the wrapper
 * is a POSIX {@code sh} text passed to mosh-server as the command it runs.
 *
 * <p>Where it lives: the first of {@code /dev/shm}, {@code $XDG_RUNTIME_DIR} and {@code ${TMPDIR:-/tmp}} that is a
 * writable folder gets {@code tern-history-<uid>/} (mode 0700, owned by the user, never a symbolic link), and in it
 * one folder per session, named by {@link #token()}: {@code typescript} (the recording, 0600), {@code pid} (the
 * wrapper's pid: the folder is an orphan when no such process runs), {@code server-pid} (mosh-server's pid) and
 * {@code dropped} (how many bytes from the start the bound has freed). The folder is removed when the session ends,
 * when mosh-server is killed (hang-up), and by the bound's watcher when the wrapper is gone.
 *
 * <p>The bound: a watcher checks every second; above {@code boundBytes} it frees the oldest three quarters of a
 * bound (a hole punched with {@code fallocate}, so the file's offsets stay the stream's offsets), or, where holes
 * cannot be punched, all of it.
 *
 * @param boundBytes at most this much of the recording is kept on the server
 * @param token      names this session's folder; 16 lowercase hex digits
 */
public record OutputRecorder(long boundBytes, String token) {
    /** 10 MB: about 170,000 lines of 60 characters. */
    public static final long DEFAULT_BOUND = 10L * 1000 * 1000;
    public static final long MIN_BOUND = 64 * 1024;
    /** The first line of every reply of {@link #streamCommand}. */
    static final String REPLY = "TERN-HISTORY 1 ";
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public OutputRecorder {
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("bad recorder token");
        }
        boundBytes = Math.max(MIN_BOUND, boundBytes);
    }

    /** A recorder for a new session, with a fresh random token. */
    public static OutputRecorder fresh(long boundBytes) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return new OutputRecorder(boundBytes, HexFormat.of().formatHex(bytes));
    }

    /** The folders a janitor looks in: {@code <base>/tern-history-<uid>/<token>/} for each base. */
    public static final String LOCATIONS = "/dev/shm, $XDG_RUNTIME_DIR, ${TMPDIR:-/tmp}";

    /**
     * The words mosh-server runs instead of {@code command} (empty: the login shell): the wrapper, then the
     * original words, which reach the recorded program unchanged.
     */
    public List<String> wrap(List<String> command) {
        List<String> words = new ArrayList<>(List.of("sh", "-c", WRAPPER, "tern-recorder",
                Long.toString(boundBytes), token));
        words.addAll(command);
        return words;
    }

    /**
     * A command for the companion connection: one reply line {@code TERN-HISTORY 1 ok <dropped> <from>} followed
     * by the recording from byte {@code from} on, as it grows, until the session ends; or one line
     * {@code TERN-HISTORY 1 gone} (no such folder: the session ended, or the storage was never made) or
     * {@code TERN-HISTORY 1 no-recorder} (the host has no {@code script}).
     */
    public String streamCommand(long offset) {
        return shell("t=" + token + " o=" + Math.max(0, offset) + "; " + STREAM);
    }

    /** Removes this session's folder (the session's own end does it too; this is for a janitor or a test). */
    public String removeCommand() {
        return shell("t=" + token + "; " + FIND + " [ -n \"$d\" ] && rm -rf \"$d\"; :");
    }

    /** Prints this session's folder, or nothing (for tests and diagnostics). */
    public String locateCommand() {
        return shell("t=" + token + "; " + FIND + " printf '%s' \"$d\"");
    }

    /**
     * A command that prints the token of this user's recording whose mosh-server has pid {@code serverPid}, or
     * nothing: a resumed session (started by an earlier run of the app) finds its recording again this way, since
     * the wrapper notes its mosh-server's pid beside the recording. Only a folder whose wrapper still runs counts,
     * so a pid reused after a crash cannot name another session's leftovers.
     */
    public static String findCommand(long serverPid) {
        return shell("p=" + serverPid + "; u=$(id -u); for b in /dev/shm \"$XDG_RUNTIME_DIR\" \"${TMPDIR:-/tmp}\";"
                + " do [ -n \"$b\" ] || continue; for d in \"$b/tern-history-$u\"/*; do"
                + " [ -f \"$d/server-pid\" ] && [ -f \"$d/typescript\" ] || continue;"
                + " [ \"$(cat \"$d/server-pid\")\" = \"$p\" ] && kill -0 \"$(cat \"$d/pid\")\" 2>/dev/null"
                + " && { printf '%s' \"${d##*/}\"; exit 0; }; done; done; :");
    }

    /**
     * A command for a janitor: removes this user's recordings whose wrapper no longer runs (its {@code pid} names no
     * process of the user), which the session's own end would have removed had it not been killed outright, and
     * prints the folders it removed, one a line. A folder without a {@code pid} file yet (a wrapper starting this
     * moment) is left alone.
     */
    public static String sweepCommand() {
        return shell("u=$(id -u); for b in /dev/shm \"$XDG_RUNTIME_DIR\" \"${TMPDIR:-/tmp}\"; do"
                + " r=\"$b/tern-history-$u\"; [ -n \"$b\" ] && [ -d \"$r\" ] && [ ! -L \"$r\" ] && [ -O \"$r\" ]"
                + " || continue; for d in \"$r\"/*; do [ -f \"$d/pid\" ] || continue; p=$(cat \"$d/pid\");"
                + " case \"$p\" in ''|*[!0-9]*) continue ;; esac; kill -0 \"$p\" 2>/dev/null && continue;"
                + " rm -rf \"$d\" && printf '%s\\n' \"$d\"; done; rmdir \"$r\" 2>/dev/null; done; :");
    }

    /** The recorder {@link #findCommand} named in its output, at {@code boundBytes}; empty when it found none. */
    public static Optional<OutputRecorder> found(String findOutput, long boundBytes) {
        String token = findOutput == null ? "" : findOutput.strip();
        return TOKEN.matcher(token).matches() ? Optional.of(new OutputRecorder(boundBytes, token))
                : Optional.empty();
    }

    /** The login shell may be any shell (fish, csh): the text is POSIX sh's. */
    private static String shell(String text) {
        return "sh -c " + MoshServerCommand.quote(text);
    }

    private static final String FIND = "u=$(id -u); d=; for b in /dev/shm \"$XDG_RUNTIME_DIR\" \"${TMPDIR:-/tmp}\";"
            + " do [ -n \"$b\" ] && [ -f \"$b/tern-history-$u/$t/typescript\" ] && { d=\"$b/tern-history-$u/$t\";"
            + " break; }; done;";

    // $1 bound, $2 token, then the command. The recording folder is made where memory backs it if it can be; the
    // shell runs under script, or directly (unrecorded) when there is no script or no private folder.
    private static final String WRAPPER = String.join("\n",
            "umask 077",
            "bound=$1 t=$2; shift 2",
            "[ $# -gt 0 ] || set -- \"${SHELL:-/bin/sh}\" -l",
            "u=$(id -u) d=",
            "for b in /dev/shm \"$XDG_RUNTIME_DIR\" \"${TMPDIR:-/tmp}\"; do",
            "  [ -n \"$b\" ] && [ -d \"$b\" ] && [ -w \"$b\" ] || continue",
            "  r=\"$b/tern-history-$u\"",
            "  mkdir -m 700 \"$r\" 2>/dev/null",
            "  [ -d \"$r\" ] && [ ! -L \"$r\" ] && [ -O \"$r\" ] || continue",
            "  mkdir -m 700 \"$r/$t\" 2>/dev/null && { d=\"$r/$t\"; break; }",
            "done",
            "if [ -z \"$d\" ] || ! command -v script >/dev/null 2>&1; then",
            "  [ -n \"$d\" ] && rm -rf \"$d\"",
            "  exec \"$@\"",
            "fi",
            "f=\"$d/typescript\"",
            "gone() { rm -rf \"$d\"; rmdir \"${d%/*}\" 2>/dev/null; }",
            ": > \"$f\"; echo $$ > \"$d/pid\"; echo $PPID > \"$d/server-pid\"; echo 0 > \"$d/dropped\"",
            "srv=$PPID",
            "trap 'gone; exit 129' HUP",
            "trap 'gone; exit 143' TERM",
            "(",
            "  trap '' HUP TERM",
            "  k=0",
            // the watcher also ends the session's programs once mosh-server is gone: the hang-up reaches only the
            // wrapper, and script ignores SIGHUP; on SIGTERM script ends and its pty's hang-up ends the shell
            "  while kill -0 $$ 2>/dev/null && kill -0 $srv 2>/dev/null; do",
            "    sleep 1",
            "    s=$(wc -c < \"$f\" 2>/dev/null) || break",
            "    if [ $((s - k)) -gt \"$bound\" ]; then",
            "      n=$(( (s - bound * 3 / 4) / 4096 * 4096 ))",
            "      fallocate -p -o $k -l $((n - k)) \"$f\" 2>/dev/null || { : > \"$f\"; n=$s; }",
            "      k=$n; echo $k > \"$d/dropped.new\" && mv -f \"$d/dropped.new\" \"$d/dropped\"",
            "    fi",
            "  done",
            "  kill -TERM 0 2>/dev/null",
            "  gone",
            ") </dev/null >/dev/null 2>&1 &",
            "c=",
            "for a; do c=\"$c '$(printf '%s' \"$a\" | sed \"s/'/'\\\\\\\\''/g\")'\"; done",
            // script runs in the foreground: a command started with & by a shell without job control has SIGINT
            // and SIGQUIT ignored, and so would every program of the session (Ctrl+C would stop nothing). A
            // hang-up reaches script as well (same process group), so the trap runs as soon as it has ended.
            "if script --version 2>/dev/null | grep -q util-linux; then",
            "  script -q -f -c \"exec$c\" \"$f\"",
            "else",
            "  script -q -F \"$f\" \"$@\"",
            "fi",
            "e=$?",
            "gone",
            "exit $e");

    private static final String STREAM = String.join(" ",
            FIND,
            "if [ -z \"$d\" ]; then command -v script >/dev/null 2>&1 && echo '" + REPLY + "gone' ||",
            "echo '" + REPLY + "no-recorder'; exit 0; fi;",
            "k=$(cat \"$d/dropped\" 2>/dev/null); k=${k:-0}; [ \"$o\" -lt \"$k\" ] && o=$k;",
            "echo \"" + REPLY + "ok $k $o\";",
            "if tail --version >/dev/null 2>&1; then exec tail -c +$((o + 1)) -f --pid=\"$(cat \"$d/pid\")\"",
            "\"$d/typescript\" 2>/dev/null; else exec tail -c +$((o + 1)) -f \"$d/typescript\" 2>/dev/null; fi");
}
