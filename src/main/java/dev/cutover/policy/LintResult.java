package dev.cutover.policy;

import java.util.List;

/**
 * Whether a command may be executed in a role, and if not, every reason why.
 *
 * @param executable true when the command passed every rule
 * @param reasons why it is not executable, one operator-readable sentence each (empty when executable)
 * @param programs the programs the command invokes, in order of appearance
 * @param notAllowed the programs refused only because allowed_programs does not list them for the role, in order
 *     (listing them would fix those reasons)
 */
public record LintResult(boolean executable, List<String> reasons, List<String> programs, List<String> notAllowed) {
    public LintResult {
        reasons = List.copyOf(reasons);
        programs = List.copyOf(programs);
        notAllowed = List.copyOf(notAllowed);
    }
}
