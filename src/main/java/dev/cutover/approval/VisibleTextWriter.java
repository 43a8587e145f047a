package dev.cutover.approval;

import java.io.IOException;
import java.io.Writer;
import java.nio.CharBuffer;

/**
 * A writer that shows every control and invisible formatting character it is given as an escape
 * ({@link VisibleText}), for the tool's whole standard output and error. Checklist text, file contents and
 * command output reach the console in many places (prompts echoed in answers-file mode, the failure dialog's
 * stderr tail, status, plan, error messages); filtering where they all meet means no new message can forget it.
 * The tool itself never writes a control character other than newline and tab.
 */
public final class VisibleTextWriter extends Writer {
    private final Writer out;
    /** The high half of a surrogate pair whose low half has not been written yet, else 0. */
    private char pendingHigh;

    public VisibleTextWriter(Writer out) {
        super(out);
        this.out = out;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        write(CharBuffer.wrap(chars, off, len), 0, len);
    }

    @Override
    public void write(String text, int off, int len) throws IOException {
        write((CharSequence) text, off, len);
    }

    private void write(CharSequence text, int off, int len) throws IOException {
        synchronized (lock) {
            if (pendingHigh == 0 && nothingHidden(text, off, len)) {
                out.append(text, off, off + len);
                return;
            }
            StringBuilder shown = new StringBuilder(len + 16);
            for (int i = off; i < off + len; i++) {
                append(shown, text.charAt(i));
            }
            out.append(shown);
        }
    }

    private void append(StringBuilder shown, char c) {
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                VisibleText.appendVisible(shown, Character.toCodePoint(high, c));
                return;
            }
            shown.append(high);
        }
        if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else {
            VisibleText.appendVisible(shown, c);
        }
    }

    /** True when the text holds no hidden character and no surrogate (a pair is checked as one code point). */
    private static boolean nothingHidden(CharSequence text, int off, int len) {
        for (int i = off; i < off + len; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c) || VisibleText.isHidden(c)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (pendingHigh != 0) {
                out.write(pendingHigh);
                pendingHigh = 0;
            }
            out.close();
        }
    }
}
