package dev.cutover.compile;

import java.util.List;

/**
 * How a long-running step is polled (FORMATS.md §4.5).
 *
 * @param command the prepared poll command
 * @param terminalStates the states that end polling
 * @param successStates those terminal states that mean success
 */
record PollPlan(PreparedCommand command, List<String> terminalStates, List<String> successStates) {
    PollPlan {
        terminalStates = List.copyOf(terminalStates);
        successStates = List.copyOf(successStates);
    }
}
