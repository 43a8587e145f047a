package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.input.DataMigrationPlan;
import dev.cutover.input.DependencyGraph;
import dev.cutover.input.Inputs;
import dev.cutover.input.Plane;
import dev.cutover.testing.RunDirFixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The requires rules over hand-built steps, for the cases the indexes (the last mutating step so far, grants by
 * key, phase-4 freezes, graph targets by datastore) must get exactly as a search of every step did.
 */
class RequiresResolverTest {
    private static final String HANDOFF = ExecutionStep.HANDOFF_STEP_ID;
    private static final String A = "arn:aws:s3:::a";
    private static final String B = "arn:aws:s3:::b";
    private static final String C = "arn:aws:s3:::c";
    private static final String NO_STEPS = "arn:aws:s3:::no-steps";

    private final Warnings warnings = new Warnings();

    @Test
    void aStepRequiresTheLastMutatingStepBeforeItOnItsDatastoreNeverItself() {
        List<StepFacts> steps = List.of(
                handoff(),
                dp("dp-phase1-010-first", 1, A, "s3-sync", true),
                dp("dp-phase1-020-second", 1, A, "s3-sync", true),
                dp("dp-phase1-030-check", 1, A, "verify-only", false),
                dp("dp-phase1-040-after-check", 1, A, "s3-sync", true));

        Map<String, Set<String>> requires = resolve(plan(), graph(), steps);

        assertThat(requires.get("dp-phase1-010-first")).containsExactly(HANDOFF);
        assertThat(requires.get("dp-phase1-020-second")).containsExactly(HANDOFF, "dp-phase1-010-first");
        assertThat(requires.get("dp-phase1-030-check")).containsExactly(HANDOFF, "dp-phase1-020-second");
        // The non-mutating check does not become the datastore's last mutating step.
        assertThat(requires.get("dp-phase1-040-after-check")).containsExactly(HANDOFF, "dp-phase1-020-second");
    }

    @Test
    void onlyDataPlaneMutatingStepsOnTheSameDatastoreCount() {
        List<StepFacts> steps = List.of(
                new StepFacts("cp-phase2-010-on-a", Plane.CP, 2, A, "aws-cli", true, Set.of(), null),
                handoff(),
                dp("dp-phase1-010-on-b", 1, B, "s3-sync", true),
                dp("dp-phase1-020-on-a", 1, A, "s3-sync", true));

        Map<String, Set<String>> requires = resolve(plan(), graph(), steps);

        assertThat(requires.get("dp-phase1-020-on-a")).containsExactly(HANDOFF);
    }

    @Test
    void dependsOnAndGraphEdgesRequireOnlyEarlierStepsOfTheOtherDatastore() {
        DataMigrationPlan plan = plan(store(A, List.of(B, NO_STEPS)), store(B, List.of()));
        DependencyGraph graph = graph(
                edge(A, C),
                edge(A, C), // a repeated edge requires its target once
                edge(A, A), // an edge to itself is not rule 7's
                edge(A, NO_STEPS), // nor one to a datastore without steps
                edge(A, null),
                edge(null, A),
                edge(B, A));
        List<StepFacts> steps = List.of(
                handoff(),
                dp("dp-phase1-010-c", 1, C, "s3-sync", true),
                dp("dp-phase1-020-a", 1, A, "s3-sync", true),
                dp("dp-phase1-030-b", 1, B, "s3-sync", true),
                dp("dp-phase1-040-c-again", 1, C, "s3-sync", true),
                dp("dp-phase1-050-a-again", 1, A, "s3-sync", true));

        Map<String, Set<String>> requires = resolve(plan, graph, steps);

        // B's step comes later and C's last step so far is the first one.
        assertThat(requires.get("dp-phase1-020-a")).containsExactly(HANDOFF, "dp-phase1-010-c");
        // B --> A in the graph: the last step on A before B's.
        assertThat(requires.get("dp-phase1-030-b")).containsExactly(HANDOFF, "dp-phase1-020-a");
        assertThat(requires.get("dp-phase1-050-a-again"))
                .containsExactly(HANDOFF, "dp-phase1-020-a", "dp-phase1-030-b", "dp-phase1-040-c-again");
    }

    @Test
    void theFirstPlanDatastoreWithAnArnGivesItsDependsOn() {
        DataMigrationPlan plan = plan(store(A, List.of(B)), store(A, List.of(C)));
        List<StepFacts> steps = List.of(
                handoff(),
                dp("dp-phase1-010-b", 1, B, "s3-sync", true),
                dp("dp-phase1-020-c", 1, C, "s3-sync", true),
                dp("dp-phase1-030-a", 1, A, "s3-sync", true));

        assertThat(resolve(plan, graph(), steps).get("dp-phase1-030-a")).containsExactly(HANDOFF, "dp-phase1-010-b");
    }

    @Test
    void keyUsingStepsRequireEveryGrantOfTheirKeyEarlierOrLaterAndWarnWhenThereIsNone() {
        Map<String, String> keys = Map.of(A, "key-a", B, "key-b");
        List<StepFacts> steps = List.of(
                handoff(),
                grant("dp-phase1-010-grant-a", "key-a"),
                dp("dp-phase1-020-share-a", 1, A, "snapshot-share", true),
                dp("dp-phase1-030-share-b", 1, B, "snapshot-share", true),
                grant("dp-phase1-040-grant-a-and-c", "key-a", "key-c"),
                dp("dp-phase1-050-sync-b", 1, B, "s3-sync", true),
                dp("dp-phase1-060-other-a", 1, A, "secret-put-value", true));

        Map<String, Set<String>> requires = new RequiresResolver(
                        inputs(plan(), graph()), arn -> Optional.ofNullable(keys.get(arn)), warnings)
                .resolve(steps);

        assertThat(requires.get("dp-phase1-020-share-a"))
                .containsExactly(HANDOFF, "dp-phase1-010-grant-a", "dp-phase1-040-grant-a-and-c");
        assertThat(requires.get("dp-phase1-060-other-a")).containsExactly(HANDOFF, "dp-phase1-020-share-a");
        assertThat(warnings.list())
                .containsExactly(
                        new CompileWarning(
                                "dp-phase1-030-share-b",
                                "needs a KMS grant on key key-b but no kms-grant step grants it"),
                        new CompileWarning(
                                "dp-phase1-050-sync-b",
                                "needs a KMS grant on key key-b but no kms-grant step grants it"));
    }

    @Test
    void freezeDependentStepsOfPhase4RequireEveryFreezeOfThatPhase() {
        List<StepFacts> steps = List.of(
                handoff(),
                dp("dp-phase3-010-freeze-early", 3, A, "freeze-writes", true),
                dp("dp-phase4-010-freeze-a", 4, A, "freeze-writes", true),
                dp("dp-phase4-020-dns", 4, null, "route53-change", true),
                dp("dp-phase4-030-freeze-b", 4, B, "freeze-writes", true),
                dp("dp-phase5-010-dns", 5, null, "route53-change", true));

        Map<String, Set<String>> requires = resolve(plan(), graph(), steps);

        assertThat(requires.get("dp-phase4-020-dns"))
                .containsExactly(HANDOFF, "dp-phase4-010-freeze-a", "dp-phase4-030-freeze-b");
        assertThat(requires.get("dp-phase5-010-dns")).containsExactly(HANDOFF);
    }

    private Map<String, Set<String>> resolve(DataMigrationPlan plan, DependencyGraph graph, List<StepFacts> steps) {
        return new RequiresResolver(inputs(plan, graph), arn -> Optional.empty(), warnings).resolve(steps);
    }

    private static StepFacts handoff() {
        return new StepFacts(HANDOFF, Plane.CP, 6, null, "manual-decision", false, Set.of(), null);
    }

    private static StepFacts dp(String id, int phase, String store, String action, boolean mutating) {
        return new StepFacts(id, Plane.DP, phase, store, action, mutating, Set.of(), null);
    }

    private static StepFacts grant(String id, String... keys) {
        return new StepFacts(id, Plane.DP, 1, null, "kms-grant", true, Set.of(keys), null);
    }

    private static DataMigrationPlan plan(DataMigrationPlan.Datastore... stores) {
        return new DataMigrationPlan(null, List.of(stores), List.of());
    }

    private static DataMigrationPlan.Datastore store(String arn, List<String> dependsOn) {
        return new DataMigrationPlan.Datastore(arn, "AWS::S3::Bucket", arn, null, null, null, null, dependsOn, null);
    }

    private static DependencyGraph graph(DependencyGraph.Edge... edges) {
        return new DependencyGraph(List.of(edges));
    }

    private static DependencyGraph.Edge edge(String from, String to) {
        return new DependencyGraph.Edge(from, to, "s3-bucket-policy", null);
    }

    private static Inputs inputs(DataMigrationPlan plan, DependencyGraph graph) {
        Inputs base = TestInputs.load(RunDirFixtures.source("complete"));
        return new Inputs(
                base.runDirectory(),
                base.controlPlane(),
                base.dataPlane(),
                base.controlPlaneMarkdown(),
                base.dataPlaneMarkdown(),
                plan,
                base.migrationPlan(),
                graph,
                base.hardcodedValues(),
                base.resourceOwnership(),
                base.capturedAt());
    }
}
