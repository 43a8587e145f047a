package dev.cutover.compile;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.error.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every compile error of one compile so the operator sees them all at once, then fails the compile
 * with {@link ErrorCode#COMPILE_FAILED} (FORMATS.md §4.9).
 */
final class CompileErrors {
    private final List<Problem> problems = new ArrayList<>();
    /** The problems so far, to drop a repeat without searching the list (a plan can fail at every step). */
    private final Set<Problem> seen = new HashSet<>();

    void add(String file, String pointer, String message, String fix) {
        Problem problem = new Problem(file, pointer, message, fix);
        // One bad field can feed several commands; report it once.
        if (seen.add(problem)) {
            problems.add(problem);
        }
    }

    void add(SourceItem at, String field, String message, String fix) {
        add(at.file(), field == null ? at.pointer() : at.pointer(field), message, fix);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            String noun = problems.size() == 1 ? " compile error" : " compile errors";
            throw new CutoverException(ErrorCode.COMPILE_FAILED, problems.size() + noun, problems);
        }
    }
}
