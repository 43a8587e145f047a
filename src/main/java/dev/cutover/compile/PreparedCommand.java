package dev.cutover.compile;

import java.util.List;

/**
 * A command after normalization, compile-time substitution and lint.
 *
 * @param text the command text as it would be stored
 * @param openParameters canonical names of placeholders still open (runtime parameters)
 * @param executable whether the lint accepted it in its role
 * @param programs the programs it invokes, in order
 */
record PreparedCommand(String text, List<String> openParameters, boolean executable, List<String> programs) {
    PreparedCommand {
        openParameters = List.copyOf(openParameters);
        programs = List.copyOf(programs);
    }

    String firstProgram() {
        return programs.isEmpty() ? "" : programs.get(0);
    }
}
