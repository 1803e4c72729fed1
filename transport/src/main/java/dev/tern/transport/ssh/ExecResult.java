package dev.tern.transport.ssh;

/**
 * The outcome of a remote command.
 *
 * @param exitStatus the command's exit status, or -1 when the server reported none (killed, timed out)
 * @param timedOut   whether Tern stopped waiting before the command finished
 */
public record ExecResult(int exitStatus, String stdout, String stderr, boolean timedOut) {

    public boolean succeeded() {
        return exitStatus == 0 && !timedOut;
    }
}
