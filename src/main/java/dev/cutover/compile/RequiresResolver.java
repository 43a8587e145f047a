package dev.cutover.compile;

import dev.cutover.input.DataMigrationPlan;
import dev.cutover.input.DependencyGraph;
import dev.cutover.input.Inputs;
import dev.cutover.input.Plane;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code requires} rules 1–7 of FORMATS.md §4.6, over steps in canonical order. Produces unsorted,
 * deduplicated sets; {@link ExecutionOrder} sorts them and rejects forward references and cycles.
 */
final class RequiresResolver {
    private static final Set<String> KEY_USING_ACTIONS = Set.of(
            "snapshot-share",
            "ami-share",
            "snapshot-restore",
            "datasync-start",
            "dms-start-replication-task",
            "s3-batch-replication-job",
            "s3-sync",
            "dynamodb-export",
            "dynamodb-import");
    private static final Set<String> FREEZE_DEPENDENT_ACTIONS =
            Set.of("route53-change", "dms-promote", "rds-promote-read-replica", "traffic-shift");

    private final Inputs inputs;
    private final Function<String, Optional<String>> datastoreKeyId;
    private final Warnings warnings;

    /**
     * @param datastoreKeyId the KMS key id of a datastore (plan, else graph), compared by id
     */
    RequiresResolver(Inputs inputs, Function<String, Optional<String>> datastoreKeyId, Warnings warnings) {
        this.inputs = inputs;
        this.datastoreKeyId = datastoreKeyId;
        this.warnings = warnings;
    }

    Map<String, Set<String>> resolve(List<StepFacts> steps) {
        Map<String, Set<String>> requires = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            StepFacts step = steps.get(i);
            Set<String> set = new LinkedHashSet<>();
            if (step.stepId().equals(ExecutionStep.HANDOFF_STEP_ID)) {
                steps.stream()
                        .filter(s -> s.plane() == Plane.CP && s.mutating() && s.at() != null)
                        .forEach(s -> set.add(s.stepId()));
            } else if (step.plane() == Plane.DP) {
                set.add(ExecutionStep.HANDOFF_STEP_ID);
                dataPlaneRules(steps, i, set);
            }
            set.remove(step.stepId());
            requires.put(step.stepId(), set);
        }
        return requires;
    }

    private void dataPlaneRules(List<StepFacts> steps, int index, Set<String> set) {
        StepFacts step = steps.get(index);
        String store = step.datastoreArn();
        if (store != null) {
            lastMutatingBefore(steps, index, store).ifPresent(set::add); // rule 3
            kmsGrants(steps, step, set); // rule 4
            for (String other : dependsOn(store)) { // rule 6
                lastMutatingBefore(steps, index, other).ifPresent(set::add);
            }
            for (String other : graphTargets(store, steps)) { // rule 7
                lastMutatingBefore(steps, index, other).ifPresent(set::add);
            }
        }
        if (step.phaseNumber() == 4 && FREEZE_DEPENDENT_ACTIONS.contains(step.action())) { // rule 5
            steps.stream()
                    .filter(s -> s.plane() == Plane.DP && s.phaseNumber() == 4 && "freeze-writes".equals(s.action()))
                    .forEach(s -> set.add(s.stepId()));
        }
    }

    private static Optional<String> lastMutatingBefore(List<StepFacts> steps, int index, String store) {
        for (int j = index - 1; j >= 0; j--) {
            StepFacts earlier = steps.get(j);
            if (earlier.plane() == Plane.DP && earlier.mutating() && earlier.on(store)) {
                return Optional.of(earlier.stepId());
            }
        }
        return Optional.empty();
    }

    private void kmsGrants(List<StepFacts> steps, StepFacts step, Set<String> set) {
        if (!KEY_USING_ACTIONS.contains(step.action())) {
            return;
        }
        Optional<String> key = datastoreKeyId.apply(step.datastoreArn());
        if (key.isEmpty()) {
            return;
        }
        List<StepFacts> grants = steps.stream()
                .filter(s -> "kms-grant".equals(s.action()) && s.grantedKeyIds().contains(key.get()))
                .toList();
        if (grants.isEmpty()) {
            warnings.add(step.stepId(), "needs a KMS grant on key " + key.get() + " but no kms-grant step grants it");
        }
        grants.forEach(g -> set.add(g.stepId()));
    }

    private List<String> dependsOn(String store) {
        return inputs.dataMigrationPlan()
                .datastore(store)
                .map(DataMigrationPlan.Datastore::dependsOn)
                .orElse(List.of());
    }

    /** Rule 7: edges from this datastore to another datastore that has steps. */
    private List<String> graphTargets(String store, List<StepFacts> steps) {
        return inputs.dependencyGraph().edges().stream()
                .filter(e -> store.equals(e.from()) && e.to() != null && !store.equals(e.to()))
                .map(DependencyGraph.Edge::to)
                .filter(to -> steps.stream().anyMatch(s -> s.on(to)))
                .distinct()
                .toList();
    }
}
