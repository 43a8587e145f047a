package dev.cutover.compile;

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

    private SecretFiles() {}

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
