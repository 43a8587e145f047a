package dev.cutover.shell;

import java.io.IOException;

/**
 * The stdout and stderr logs of one run, handled together so frames and offsets stay symmetric.
 *
 * @param out the stdout log
 * @param err the stderr log
 */
record StepLogs(LogFile out, LogFile err) {

    /** Both logs' sizes at one moment: where a command's output begins or ends. */
    record Offsets(long out, long err) {}

    /** Opens both logs of {@code request}, creating folders and files as needed. */
    static StepLogs open(CommandRequest request) throws IOException {
        return new StepLogs(LogFile.open(request.stdoutLog()), LogFile.open(request.stderrLog()));
    }

    /** Appends {@code line} to both logs. */
    void appendLine(String line) throws IOException {
        try {
            out.appendLine(line);
        } finally {
            err.appendLine(line);
        }
    }

    /** Both current sizes. */
    Offsets sizes() throws IOException {
        return new Offsets(out.size(), err.size());
    }

    /** What the command wrote to stdout between {@code from} and {@code to}. */
    LogRange stdout(Offsets from, Offsets to) {
        return out.range(from.out(), to.out());
    }

    /** What the command wrote to stderr between {@code from} and {@code to}. */
    LogRange stderr(Offsets from, Offsets to) {
        return err.range(from.err(), to.err());
    }
}
