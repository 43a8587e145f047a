package dev.cutover.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects compile warnings in the order the rules find them (inputs are walked in canonical order). */
final class Warnings {
    private final List<CompileWarning> warnings = new ArrayList<>();
    /**
     * The messages given so far, by step id (null for the whole plan), so that a repeated warning is dropped
     * without searching the list: a plan can warn about every step, and the search cost the square of that.
     */
    private final Map<String, Set<String>> messagesByStep = new HashMap<>();

    void add(String stepId, String message) {
        CompileWarning warning = new CompileWarning(stepId, message);
        if (messagesByStep.computeIfAbsent(stepId, s -> new HashSet<>()).add(message)) {
            warnings.add(warning);
        }
    }

    List<CompileWarning> list() {
        return List.copyOf(warnings);
    }
}
