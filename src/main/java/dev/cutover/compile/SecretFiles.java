package dev.cutover.compile;

import dev.cutover.policy.CommandParser;
import dev.cutover.policy.Stage;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secret values out of step commands (FORMATS.md §4.3 "Secrets"): in secret-writing steps the
 * argument of {@code --secret-string} (or a Cognito client secret) always becomes {@code
 * file://{secret-file}}, a runtime parameter naming an operator-supplied file. A literal secret in the
 * checklist is replaced too, so it never reaches the steps file, the journal or the notes.
 */
final class SecretFiles {
    private static final Set<String> SECRET_ACTIONS = Set.of("secret-put-value", "cognito-update-idp-secret");
    private static final Pattern SECRET_ARGUMENT =
            Pattern.compile("(--secret-string|--client-secret)(=|\\s+)(\"[^\"]*\"|'[^']*'|[^\\s]+)");
    static final String SECRET_FILE = "file://{secret-file}";

    /**
     * Programs that take a file operand and never print its content (no option of theirs does) — unless a
     * word of the command names an output stream (see {@link #OUTPUT_STREAM}).
     */
    private static final Set<String> NON_PRINTING = Set.of("cp", "test");

    /**
     * A path (after {@code .}/{@code ..}/{@code //} normalization) that is the step's stdout or stderr, a
     * file descriptor, a terminal or a step log ({@code execution/<step>.stdout.log}): {@code cp
     * {secret-file} /dev/stdout} prints the secret into the step log.
     */
    private static final Pattern OUTPUT_STREAM =
            Pattern.compile("(^|/)(dev/(stdout|stderr|tty|console)$|dev/(fd|pts)(/|$)|proc/[^/]*/fd(/|$)"
                    + "|[^/]*\\.(stdout|stderr)\\.log$)");

    private static final String TOKEN = "{secret-file}";

    private SecretFiles() {}

    /**
     * Whether {@code command} hands the secret file to a program that may print its content: allowed are
     * {@code file://{secret-file}} (the AWS CLI reads the file itself) and operands of {@code cp} and
     * {@code test} in a command none of whose words names an output stream.
     */
    static boolean exposesSecret(String command) {
        if (command == null || !command.contains(TOKEN)) {
            return false;
        }
        List<Stage> stages = CommandParser.parse(command).stages();
        boolean namesOutputStream = stages.stream()
                .flatMap(stage -> stage.words().stream())
                .anyMatch(word -> namesOutputStream(word.value()));
        for (Stage stage : stages) {
            boolean bare = stage.words().stream()
                    .anyMatch(w -> w.raw().contains(TOKEN) && !w.raw().contains("file://" + TOKEN));
            if (bare
                    && (namesOutputStream
                            || !NON_PRINTING.contains(stage.program().orElse("")))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code value} (or the path after an option's {@code =}) names an output stream. */
    private static boolean namesOutputStream(String value) {
        String path = value.startsWith("-") && value.contains("=") ? value.substring(value.indexOf('=') + 1) : value;
        try {
            // normalize `.`, `..` and `//`; a relative path keeps its leading `..`, and the pattern is not
            // anchored, so ../../dev/stdout (reaching /dev/stdout from RUN) is caught too
            path = Path.of(path).normalize().toString();
        } catch (InvalidPathException e) {
            return true;
        }
        return OUTPUT_STREAM.matcher(path).find();
    }

    static boolean secretAction(String action) {
        return SECRET_ACTIONS.contains(action);
    }

    /** The command with every secret argument replaced by the secret-file placeholder. */
    static String sanitize(String action, String command) {
        if (command == null || !secretAction(action)) {
            return command;
        }
        Matcher m = SECRET_ARGUMENT.matcher(command);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + " " + SECRET_FILE));
        }
        m.appendTail(out);
        return out.toString();
    }
}
