package dev.cutover.compile;

import dev.cutover.input.Plane;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Execution order (FORMATS.md §4.1): phases cp 0..6 then dp 1..5; within a phase Kahn's algorithm always
 * taking the smallest ready step id, so the order never depends on input key order or hash iteration. A
 * requirement on a step of a later phase, or a cycle inside a phase, is a compile error.
 */
final class ExecutionOrder {
    private final CompileErrors errors;

    ExecutionOrder(CompileErrors errors) {
        this.errors = errors;
    }

    /** Step ids in execution order; steps caught in an error are left out. */
    List<String> order(List<StepFacts> steps, Map<String, Set<String>> requires) {
        Map<String, StepFacts> byId = new HashMap<>();
        steps.forEach(s -> byId.put(s.stepId(), s));
        checkForwardReferences(steps, requires, byId);
        List<String> ordered = new ArrayList<>();
        steps.stream().map(StepFacts::phaseRank).distinct().sorted().forEach(rank -> {
            List<StepFacts> phase =
                    steps.stream().filter(s -> s.phaseRank() == rank).toList();
            ordered.addAll(kahn(phase, requires));
        });
        return ordered;
    }

    private void checkForwardReferences(
            List<StepFacts> steps, Map<String, Set<String>> requires, Map<String, StepFacts> byId) {
        for (StepFacts step : steps) {
            for (String required : requires.getOrDefault(step.stepId(), Set.of())) {
                StepFacts target = byId.get(required);
                if (target != null && target.phaseRank() > step.phaseRank()) {
                    report(
                            step,
                            "step " + step.stepId() + " requires " + required + ", which runs in a later phase",
                            "Move " + required + " to an earlier phase or " + step.stepId() + " to a later one.");
                }
            }
        }
    }

    private List<String> kahn(List<StepFacts> phase, Map<String, Set<String>> requires) {
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        phase.forEach(step -> pending.put(step.stepId(), 0));
        for (StepFacts step : phase) {
            for (String required : requires.getOrDefault(step.stepId(), Set.of())) {
                if (pending.containsKey(required)) {
                    pending.merge(step.stepId(), 1, Integer::sum);
                    dependents.computeIfAbsent(required, k -> new ArrayList<>()).add(step.stepId());
                }
            }
        }
        TreeSet<String> ready = new TreeSet<>(Comparator.naturalOrder());
        pending.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        List<String> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            String next = ready.pollFirst();
            out.add(next);
            for (String dependent : dependents.getOrDefault(next, List.of())) {
                if (pending.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        reportCycle(phase, out);
        return out;
    }

    /** Steps Kahn's algorithm could not place wait on each other: report them at the first one's item. */
    private void reportCycle(List<StepFacts> phase, List<String> placed) {
        // A set: asking the list for every step of the phase cost the square of the phase's size.
        Set<String> placedIds = new HashSet<>(placed);
        List<String> stuck = phase.stream()
                .map(StepFacts::stepId)
                .filter(id -> !placedIds.contains(id))
                .sorted()
                .toList();
        if (stuck.isEmpty()) {
            return;
        }
        StepFacts first = phase.stream()
                .filter(s -> !placedIds.contains(s.stepId()))
                .findFirst()
                .orElseThrow();
        report(
                first,
                "cyclic requires between steps " + String.join(", ", stuck),
                "Break the cycle: check depends_on, freeze-writes and kms-grant placement for these steps.");
    }

    private void report(StepFacts step, String message, String fix) {
        if (step.at() != null) {
            errors.add(step.at(), null, message, fix);
        } else {
            errors.add(Plane.CP.jsonFile(), "/handoff_to_data_plane", message, fix);
        }
    }
}
