package dev.cutover.compile;

import dev.cutover.input.DependencyGraph;
import dev.cutover.input.Inputs;
import dev.cutover.input.Plane;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 *
 * <p>Linear in the plan's size: what the rules look up (the last mutating step on each datastore so far, the
 * kms-grant steps by key, the freezes of data-plane phase 4, the plan's depends_on and the graph's targets by
 * datastore) is indexed once instead of searched for each step (docs/performance.md, session 12).
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
        Lookups lookups = new Lookups(steps);
        Map<String, Set<String>> requires = new LinkedHashMap<>();
        for (StepFacts step : steps) {
            Set<String> set = new LinkedHashSet<>();
            if (step.stepId().equals(ExecutionStep.HANDOFF_STEP_ID)) {
                steps.stream()
                        .filter(s -> s.plane() == Plane.CP && s.mutating() && s.at() != null)
                        .forEach(s -> set.add(s.stepId()));
            } else if (step.plane() == Plane.DP) {
                set.add(ExecutionStep.HANDOFF_STEP_ID);
                dataPlaneRules(lookups, step, set);
            }
            set.remove(step.stepId());
            requires.put(step.stepId(), set);
            // After the step's own rules: they look strictly before it.
            lookups.passed(step);
        }
        return requires;
    }

    private void dataPlaneRules(Lookups lookups, StepFacts step, Set<String> set) {
        String store = step.datastoreArn();
        if (store != null) {
            lookups.lastMutatingBefore(store).ifPresent(set::add); // rule 3
            kmsGrants(lookups, step, set); // rule 4
            for (String other : lookups.dependsOn(store)) { // rule 6
                lookups.lastMutatingBefore(other).ifPresent(set::add);
            }
            for (String other : lookups.graphTargets(store)) { // rule 7
                lookups.lastMutatingBefore(other).ifPresent(set::add);
            }
        }
        if (step.phaseNumber() == 4 && FREEZE_DEPENDENT_ACTIONS.contains(step.action())) { // rule 5
            set.addAll(lookups.phase4Freezes);
        }
    }

    private void kmsGrants(Lookups lookups, StepFacts step, Set<String> set) {
        if (!KEY_USING_ACTIONS.contains(step.action())) {
            return;
        }
        Optional<String> key = datastoreKeyId.apply(step.datastoreArn());
        if (key.isEmpty()) {
            return;
        }
        List<String> grants = lookups.grantsByKey.getOrDefault(key.get(), List.of());
        if (grants.isEmpty()) {
            warnings.add(step.stepId(), "needs a KMS grant on key " + key.get() + " but no kms-grant step grants it");
        }
        set.addAll(grants);
    }

    /** What the rules look up, indexed once per plan; {@link #passed} keeps rule 3's "so far" current. */
    private final class Lookups {
        /** Rule 3: each datastore's last data-plane mutating step among the steps passed so far. */
        private final Map<String, String> lastMutating = new HashMap<>();
        /** Rule 4: the kms-grant steps granting on each key id, in canonical order (all steps, not only earlier). */
        private final Map<String, List<String>> grantsByKey = new HashMap<>();
        /** Rule 5: the freeze-writes steps of data-plane phase 4, in canonical order. */
        private final List<String> phase4Freezes = new ArrayList<>();
        /** Rule 6: the position of each ARN's (first) datastore in the plan, whose {@code depends_on} it reads. */
        private final Map<String, Integer> datastorePositions =
                inputs.dataMigrationPlan().positionsByArn();
        /** Datastores some step is on (rule 7 ignores edges to any other target). */
        private final Set<String> storesWithSteps = new HashSet<>();
        /** Rule 7, by datastore: computed on first use. */
        private final Map<String, List<String>> graphTargets = new HashMap<>();
        /** The graph's edges by {@code from}, in file order. */
        private final Map<String, List<DependencyGraph.Edge>> edgesFrom = new HashMap<>();

        Lookups(List<StepFacts> steps) {
            for (StepFacts s : steps) {
                if ("kms-grant".equals(s.action())) {
                    for (String key : s.grantedKeyIds()) {
                        grantsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(s.stepId());
                    }
                }
                if (s.plane() == Plane.DP && s.phaseNumber() == 4 && "freeze-writes".equals(s.action())) {
                    phase4Freezes.add(s.stepId());
                }
                if (s.datastoreArn() != null) {
                    storesWithSteps.add(s.datastoreArn());
                }
            }
            for (DependencyGraph.Edge e : inputs.dependencyGraph().edges()) {
                if (e.from() != null) {
                    edgesFrom.computeIfAbsent(e.from(), f -> new ArrayList<>()).add(e);
                }
            }
        }

        /** Call once per step, in canonical order, after the step's own rules. */
        void passed(StepFacts step) {
            if (step.plane() == Plane.DP && step.mutating() && step.datastoreArn() != null) {
                lastMutating.put(step.datastoreArn(), step.stepId());
            }
        }

        /** The nearest earlier (already passed) data-plane mutating step on {@code store}. */
        Optional<String> lastMutatingBefore(String store) {
            return Optional.ofNullable(lastMutating.get(store));
        }

        /** Rule 6: the datastores the plan says {@code store} depends on. */
        List<String> dependsOn(String store) {
            Integer at = datastorePositions.get(store);
            return at == null
                    ? List.of()
                    : inputs.dataMigrationPlan().datastores().get(at).dependsOn();
        }

        /** Rule 7: edges from this datastore to another datastore that has steps, each target once. */
        List<String> graphTargets(String store) {
            return graphTargets.computeIfAbsent(store, this::targetsOf);
        }

        private List<String> targetsOf(String store) {
            return edgesFrom.getOrDefault(store, List.of()).stream()
                    .filter(e -> e.to() != null && !store.equals(e.to()))
                    .map(DependencyGraph.Edge::to)
                    .filter(storesWithSteps::contains)
                    .distinct()
                    .toList();
        }
    }
}
