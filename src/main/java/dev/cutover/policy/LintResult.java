package dev.cutover.policy;

import java.util.List;

/**
 * Whether a command may be executed in a role, and if not, every reason why.
 *
 * @param executable true when the command passed every rule
 * @param reasons why it is not executable, one operator-readable sentence each (empty when executable)
 * @param programs the programs the command invokes, in order of appearance
 */
public record LintResult(boolean executable, List<String> reasons, List<String> programs) {
    public LintResult {
        reasons = List.copyOf(reasons);
        programs = List.copyOf(programs);
    }
}
