package dev.cutover.compile;

import java.util.List;

/**
 * A command after normalization, compile-time substitution and lint.
 *
 * @param text the command text as it would be stored
 * @param openParameters canonical names of placeholders still open (runtime parameters)
 * @param executable whether the lint accepted it in its role
 * @param programs the programs it invokes, in order
 * @param lintReasons why the lint refused it, one sentence each (empty when executable)
 */
record PreparedCommand(
        String text, List<String> openParameters, boolean executable, List<String> programs, List<String> lintReasons) {
    PreparedCommand {
        openParameters = List.copyOf(openParameters);
        programs = List.copyOf(programs);
        lintReasons = List.copyOf(lintReasons);
    }

    /**
     * Why this command will not run, for a warning or an error that must name the cause (a program missing
     * from allowed_programs reads very differently from a syntax the lint refuses).
     */
    String whyNotExecutable() {
        return lintReasons.isEmpty() ? "refused by the command lint" : String.join("; ", lintReasons);
    }

    String firstProgram() {
        return programs.isEmpty() ? "" : programs.get(0);
    }
}
