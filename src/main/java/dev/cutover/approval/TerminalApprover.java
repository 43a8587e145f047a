package dev.cutover.approval;

import dev.cutover.error.CutoverException;
import java.io.Closeable;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks the operator on the controlling terminal ({@code /dev/tty}, never stdin/stdout, so input piped into
 * cutover can never approve a step); accepts full words and shortcuts, re-asks on anything else, and has
 * no default answer.
 */
public final class TerminalApprover implements Approver, Closeable {
    /** The controlling terminal of the current process on Linux and other Unix systems. */
    public static final Path CONTROLLING_TERMINAL = Path.of("/dev/tty");

    private static final int ECHO_LIMIT = 60;

    private final TerminalLines in;
    private final Writer out;

    /** An approver over an injected reader and writer (tests, embedding); no type-ahead is discarded. */
    public TerminalApprover(Reader in, Writer out) {
        this(TerminalLines.ofReader(Objects.requireNonNull(in, "in")), Objects.requireNonNull(out, "out"));
    }

    private TerminalApprover(TerminalLines in, Writer out) {
        this.in = in;
        this.out = out;
    }

    /**
     * Opens the controlling terminal for reading and writing.
     *
     * @throws dev.cutover.error.CutoverException (NO_TERMINAL) when the process has no controlling terminal
     */
    public static TerminalApprover openControllingTerminal() {
        return open(CONTROLLING_TERMINAL);
    }

    /** Opens {@code tty} (a terminal device) for reading and writing; refuses when it cannot be opened. */
    public static TerminalApprover open(Path tty) {
        FileInputStream input;
        try {
            input = new FileInputStream(tty.toFile());
        } catch (IOException e) {
            throw noTerminal(e);
        }
        try {
            Writer output = new OutputStreamWriter(new FileOutputStream(tty.toFile()), StandardCharsets.UTF_8);
            return new TerminalApprover(TerminalLines.ofDevice(input), output);
        } catch (IOException e) {
            try {
                input.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw noTerminal(e);
        }
    }

    private static CutoverException noTerminal(IOException e) {
        return ApprovalError.NO_TERMINAL.exception(
                "refused: no terminal to ask the operator (cannot open " + e.getMessage()
                        + "); use a terminal or, outside production, --answers",
                e);
    }

    @Override
    public Answer ask(Question question) {
        try {
            int discarded = in.discardTypeAhead();
            // The prompt carries checklist text (the command): shown as-is it could hide part of itself.
            String prompt = VisibleText.of(question.prompt());
            write(prompt.endsWith("\n") ? prompt : prompt + "\n");
            if (discarded > 0) {
                write("(Ignored input typed before this question was shown; answer it now.)\n");
            }
            return question.kind() == PromptKind.PARAM ? askValue(question) : askChoice(question);
        } catch (IOException e) {
            throw ApprovalError.OPERATOR_INPUT_CLOSED.exception(
                    "the terminal failed while asking " + question.wireName() + " for " + question.stepId() + " ("
                            + e.getMessage() + "); nothing was decided, the run halts",
                    e);
        }
    }

    private Answer askChoice(Question question) throws IOException {
        write(renderChoices(question));
        while (true) {
            write("Answer (" + shortcuts(question) + ", or the full word): ");
            String typed = readLine(question).trim();
            Optional<Choice> choice = match(question, typed);
            if (choice.isPresent()) {
                return Answer.of(choice.get(), AnswerSource.TERMINAL, null);
            }
            String why = typed.isEmpty()
                    ? "An empty line is not an answer (there is no default)."
                    : quoted(typed) + " is not an answer to this question.";
            write(why + " Type one of: " + question.describeChoices() + "\n");
        }
    }

    private Answer askValue(Question question) throws IOException {
        ParamRule rule = question.param();
        while (true) {
            write("Value for " + rule.name() + ": ");
            String typed = readLine(question).trim();
            if (!typed.isEmpty() && rule.accepts().test(typed)) {
                return Answer.ofValue(typed, AnswerSource.TERMINAL, null);
            }
            String why = typed.isEmpty()
                    ? "An empty line is not a value (there is no default)."
                    : quoted(typed) + " is not a valid " + rule.name() + ".";
            write(why + " " + rule.invalidMessage() + "\n");
        }
    }

    static String renderChoices(Question question) {
        StringBuilder text = new StringBuilder("Choose one:\n");
        for (Choice choice : question.choices()) {
            text.append(String.format(
                    Locale.ROOT,
                    "  [%s] %-18s %s\n",
                    choice.shortcutIn(question.kind()),
                    choice.wireName(),
                    choice.label()));
        }
        return text.toString();
    }

    private static String shortcuts(Question question) {
        return String.join(
                "/",
                question.choices().stream()
                        .map(c -> c.shortcutIn(question.kind()))
                        .toList());
    }

    /** Case-insensitive full wire name or the shortcut shown for this question; nothing else. */
    static Optional<Choice> match(Question question, String typed) {
        String word = typed.toLowerCase(Locale.ROOT);
        return question.choices().stream()
                .filter(c -> c.wireName().equals(word)
                        || c.shortcutIn(question.kind()).equals(word))
                .findFirst();
    }

    private String readLine(Question question) throws IOException {
        String line = in.readLine();
        if (line == null) {
            write("\n");
            throw ApprovalError.OPERATOR_INPUT_CLOSED.exception("operator input closed while asking "
                    + question.wireName() + " for " + question.stepId()
                    + "; nothing was decided, the run halts");
        }
        return line;
    }

    /** Echoes operator input safely: control characters are escaped, long input is cut. */
    private static String quoted(String typed) {
        String shown = typed.length() > ECHO_LIMIT ? typed.substring(0, ECHO_LIMIT) + "..." : typed;
        return "\"" + VisibleText.of(shown) + "\"";
    }

    private void write(String text) throws IOException {
        out.write(text);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            in.close();
        } finally {
            out.close();
        }
    }
}
