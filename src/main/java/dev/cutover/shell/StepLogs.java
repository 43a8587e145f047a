package dev.cutover.shell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stdout and stderr logs of one run, handled together so frames and offsets stay symmetric.
 *
 * @param out the stdout log
 * @param err the stderr log
 */
record StepLogs(LogFile out, LogFile err) {

    /** Both logs' sizes at one moment: where a command's output begins or ends. */
    record Offsets(long out, long err) {
        /**
         * Where the command's output begins, given the sizes {@code to} once it ended. A log smaller than when the
         * command began was truncated by the command itself (it wrote to {@code /dev/stdout} or to its log file,
         * which reopens the file from the start): all that is left was written by the command, from offset 0.
         */
        Offsets startFor(Offsets to) {
            return new Offsets(to.out < out ? 0 : out, to.err < err ? 0 : err);
        }

        /** The logs (stdout, stderr) that are smaller at {@code to} than here: truncated in between. */
        List<String> shrunkAt(Offsets to) {
            List<String> shrunk = new ArrayList<>();
            if (to.out < out) {
                shrunk.add("stdout");
            }
            if (to.err < err) {
                shrunk.add("stderr");
            }
            return shrunk;
        }
    }

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
