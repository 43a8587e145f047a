package dev.cutover.compile;

import dev.cutover.policy.CommandParser;
import dev.cutover.policy.Stage;
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

    /** Programs that take a file operand and never print its content (no option of theirs does). */
    private static final Set<String> NON_PRINTING = Set.of("cp", "test");

    private static final String TOKEN = "{secret-file}";

    private SecretFiles() {}

    /**
     * Whether {@code command} hands the secret file to a program that may print its content: allowed are
     * {@code file://{secret-file}} (the AWS CLI reads the file itself) and operands of {@code cp} and
     * {@code test}.
     */
    static boolean exposesSecret(String command) {
        if (command == null || !command.contains(TOKEN)) {
            return false;
        }
        for (Stage stage : CommandParser.parse(command).stages()) {
            boolean bare = stage.words().stream()
                    .anyMatch(w -> w.raw().contains(TOKEN) && !w.raw().contains("file://" + TOKEN));
            if (bare && !NON_PRINTING.contains(stage.program().orElse(""))) {
                return true;
            }
        }
        return false;
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
