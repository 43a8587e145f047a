package dev.cutover.compile;

import dev.cutover.policy.LintResult;
import java.util.List;

/**
 * A command after normalization, compile-time substitution and lint.
 *
 * @param text the command text as it would be stored
 * @param openParameters canonical names of placeholders still open (runtime parameters)
 * @param lint what the lint said of it in its role
 */
record PreparedCommand(String text, List<String> openParameters, LintResult lint) {
    PreparedCommand {
        openParameters = List.copyOf(openParameters);
    }

    /** Whether the lint accepted it in its role. */
    boolean executable() {
        return lint.executable();
    }

    /** The programs it invokes, in order. */
    List<String> programs() {
        return lint.programs();
    }

    /** Whether some program of it is refused only because allowed_programs does not list it for its role. */
    boolean refusedByAllowList() {
        return !lint.notAllowed().isEmpty();
    }

    /**
     * Why this command will not run, for a warning or an error that must name the cause (a program missing
     * from allowed_programs reads very differently from a syntax the lint refuses).
     */
    String whyNotExecutable() {
        return lint.reasons().isEmpty() ? "refused by the command lint" : String.join("; ", lint.reasons());
    }

    String firstProgram() {
        return programs().isEmpty() ? "" : programs().get(0);
    }
}
