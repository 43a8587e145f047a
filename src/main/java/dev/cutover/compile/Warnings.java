package dev.cutover.compile;

import java.util.ArrayList;
import java.util.List;

/** Collects compile warnings in the order the rules find them (inputs are walked in canonical order). */
final class Warnings {
    private final List<CompileWarning> warnings = new ArrayList<>();

    void add(String stepId, String message) {
        CompileWarning warning = new CompileWarning(stepId, message);
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    List<CompileWarning> list() {
        return List.copyOf(warnings);
    }
}
