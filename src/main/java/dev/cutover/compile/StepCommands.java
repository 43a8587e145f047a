package dev.cutover.compile;

import java.util.List;

/**
 * The commands chosen for one step (FORMATS.md §4.3 "Selection", §4.5).
 *
 * @param preview the preview command or null
 * @param execute the execute command ({@code true} for human steps)
 * @param verify the verify command ({@code true} when nothing better exists)
 * @param verifyPattern the success pattern on verify stdout, or null
 * @param poll how the step is polled, non-null only for long-running steps
 * @param tool the step tool
 * @param manualText the text shown to the operator as {@code MANUAL: …}, null for automated steps
 * @param runtimeParams open placeholders of the chosen commands, in order of first appearance
 */
record StepCommands(
        String preview,
        String execute,
        String verify,
        String verifyPattern,
        PollPlan poll,
        String tool,
        String manualText,
        List<String> runtimeParams) {
    StepCommands {
        runtimeParams = List.copyOf(runtimeParams);
    }

    String pollCommand() {
        return poll == null ? null : poll.command().text();
    }

    boolean human() {
        return OperationType.HUMAN.equals(tool);
    }
}
