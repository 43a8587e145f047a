package dev.cutover.approval;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Lines typed by the operator. A line counts only once its newline arrives: text followed by end of input
 * was never confirmed with Enter, so it is treated as end of input, not as an answer.
 */
interface TerminalLines extends Closeable {

    /** The next complete line without its terminator (a trailing CR is dropped), or null at end of input. */
    String readLine() throws IOException;

    /** Drops input typed before a question was shown; returns how many bytes or chars were dropped. */
    int discardTypeAhead() throws IOException;

    /** Lines from a terminal device read byte by byte, so no line is ever buffered past the one asked for. */
    static TerminalLines ofDevice(InputStream in) {
        return new DeviceLines(in);
    }

    /** Lines from an injected reader (tests, embedding); it has no type-ahead to discard. */
    static TerminalLines ofReader(Reader in) {
        return new ReaderLines(in);
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Reads a device directly: a buffering reader would hide type-ahead from {@link #discardTypeAhead}. */
    final class DeviceLines implements TerminalLines {
        private final InputStream in;

        DeviceLines(InputStream in) {
            this.in = in;
        }

        @Override
        public String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1; b = in.read()) {
                if (b == '\n') {
                    return stripCr(line.toString(StandardCharsets.UTF_8));
                }
                line.write(b);
            }
            return null;
        }

        @Override
        public int discardTypeAhead() throws IOException {
            int dropped = 0;
            byte[] sink = new byte[256];
            // available() is FIONREAD on a tty: what was typed but not yet read; read() then never blocks.
            for (int n = in.available(); n > 0; n = in.available()) {
                dropped += Math.max(0, in.read(sink, 0, Math.min(n, sink.length)));
            }
            return dropped;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Reads an injected reader one char at a time, with the same newline rule as the device. */
    final class ReaderLines implements TerminalLines {
        private final Reader in;

        ReaderLines(Reader in) {
            this.in = in;
        }

        @Override
        public String readLine() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    return stripCr(line.toString());
                }
                line.append((char) c);
            }
            return null;
        }

        @Override
        public int discardTypeAhead() {
            return 0;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
