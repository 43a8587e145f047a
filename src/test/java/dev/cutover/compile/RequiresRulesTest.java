package dev.cutover.compile;

import static dev.cutover.compile.Compiles.DP;
import static dev.cutover.compile.Compiles.Edit.add;
import static dev.cutover.compile.Compiles.Edit.remove;
import static dev.cutover.compile.Compiles.Edit.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.error.CutoverException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequiresRulesTest {
    private static final String HANDOFF = ExecutionStep.HANDOFF_STEP_ID;
    private static final String PLAN = "data-migration-plan.json";

    @TempDir
    Path dir;

    @Test
    void handoffRequiresEveryMutatingControlPlaneStep() {
        Plan plan = Compiles.complete();
        List<String> mutatingCp = plan.steps().stream()
                .filter(s -> "cp".equals(s.plane()) && s.mutating() && !s.handoff())
                .map(ExecutionStep::stepId)
                .toList();
        assertThat(mutatingCp).isNotEmpty();
        assertThat(Compiles.step(plan, HANDOFF).requires()).containsExactlyElementsOf(mutatingCp);
    }

    @Test
    void dataPlaneStepRequiresHandoff() {
        Compiles.complete().steps().stream()
                .filter(s -> "dp".equals(s.plane()))
                .forEach(s -> assertThat(s.requires()).as(s.stepId()).contains(HANDOFF));
    }

    @Test
    void dataPlaneStepRequiresNearestEarlierMutatingStepOnItsDatastore() {
        ExecutionStep freeze = Compiles.step(Compiles.complete(), "dp-phase4-010-freeze-docs");
        assertThat(freeze.requires())
                .contains("dp-phase2-010-batch-docs")
                .doesNotContain("dp-phase1-020-kms-grant-docs");
    }

    @Test
    void keyUsingStepsRequireEveryKmsGrantForTheirKey() {
        Plan plan = Compiles.complete();
        assertThat(Compiles.step(plan, "dp-phase1-030-share-db-snapshot").requires())
                .contains("dp-phase1-010-kms-grant-db");
        assertThat(Compiles.step(plan, "dp-phase2-030-restore-db").requires()).contains("dp-phase1-010-kms-grant-db");
        assertThat(Compiles.step(plan, "dp-phase2-010-batch-docs").requires()).contains("dp-phase1-020-kms-grant-docs");
    }

    @Test
    void kmsGrantMatchesByTheKeyIdInItsCommand() {
        Plan plan = Compiles.compileEdited(dir, replace(DP, "/phases/0/during_cutover/0/datastore_arn", "null"));
        assertThat(Compiles.step(plan, "dp-phase2-030-restore-db").requires()).contains("dp-phase1-010-kms-grant-db");
    }

    @Test
    void missingKmsGrantIsAWarning() {
        Plan plan = Compiles.compileEdited(dir, remove(DP, "/phases/0/during_cutover/1"));
        assertThat(plan.warnings())
                .anyMatch(w -> "dp-phase2-010-batch-docs".equals(w.stepId())
                        && w.message().contains("KMS grant"));
    }

    @Test
    void dnsSwapRequiresEveryFreezeOfPhase4() {
        ExecutionStep dns = Compiles.step(Compiles.complete(), "dp-phase4-030-route53-cutover");
        assertThat(dns.requires()).containsExactly(HANDOFF, "dp-phase4-010-freeze-docs", "dp-phase4-020-freeze-db");
    }

    @Test
    void freezeListedAfterTheDnsSwapStillRunsBeforeIt() {
        String move =
                "{\"id\":\"dp-phase4-005-early-dns\",\"description\":\"dns\",\"operation_type\":\"route53-change\"}";
        Plan plan = Compiles.compileEdited(dir, add(DP, "/phases/3/during_cutover/0", move));
        List<String> ids = plan.steps().stream().map(ExecutionStep::stepId).toList();
        assertThat(ids.indexOf("dp-phase4-005-early-dns")).isGreaterThan(ids.indexOf("dp-phase4-020-freeze-db"));
        assertThat(Compiles.step(plan, "dp-phase4-005-early-dns").requires())
                .containsExactly(HANDOFF, "dp-phase4-010-freeze-docs", "dp-phase4-020-freeze-db");
    }

    @Test
    void planDependsOnRequiresTheLastEarlierMutatingStepOfTheListedDatastore() {
        // The labels file system depends on shipments-db in data-migration-plan.json.
        ExecutionStep labels = Compiles.step(Compiles.complete(), "dp-phase2-040-datasync-labels");
        assertThat(labels.requires()).containsExactly(HANDOFF, "dp-phase2-030-restore-db");
    }

    @Test
    void graphEdgeBetweenDatastoresRequiresTheLastEarlierMutatingStepOnTheTarget() {
        // events --s3-bucket-policy--> docs in dependency-graph.json.
        ExecutionStep events = Compiles.step(Compiles.complete(), "dp-phase2-020-batch-events");
        assertThat(events.requires()).containsExactly(HANDOFF, "dp-phase2-010-batch-docs");
    }

    @Test
    void requiresAreSortedByExecutionOrderAndDeduplicated() {
        Plan plan = Compiles.complete();
        List<String> order = plan.steps().stream().map(ExecutionStep::stepId).toList();
        for (ExecutionStep step : plan.steps()) {
            List<Integer> positions =
                    step.requires().stream().map(order::indexOf).toList();
            assertThat(positions)
                    .as(step.stepId())
                    .isSorted()
                    .doesNotHaveDuplicates()
                    .allMatch(p -> p >= 0);
            positions.forEach(p -> assertThat(p).isLessThan(order.indexOf(step.stepId())));
        }
    }

    @Test
    void forwardReferenceAcrossPhasesIsACompileError() {
        String lateGrant =
                "{\"id\":\"dp-phase3-030-late-grant\",\"description\":\"late\",\"operation_type\":\"kms-grant\","
                        + "\"datastore_arn\":\"arn:aws:rds:eu-west-1:123456789012:db:shipments-db\"}";
        CutoverException e = Compiles.failure(dir, add(DP, "/phases/2/during_cutover/-", lateGrant));
        assertThat(Compiles.problemAt(e, DP, "/phases/0/during_cutover/2").message())
                .contains("dp-phase3-030-late-grant")
                .contains("later phase");
    }

    @Test
    void dependsOnCycleIsACompileError() {
        CutoverException e = Compiles.failure(
                dir,
                replace(
                        PLAN,
                        "/datastores/2/depends_on",
                        "[\"arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0c4a1e9b27d53f86a\"]"));
        assertThat(Compiles.problemAt(e, PLAN, "/datastores/2/depends_on").message())
                .contains("cyclic");
    }

    @Test
    void cycleInsideAPhaseIsACompileError() {
        // A kms-grant that itself shares a snapshot of the datastore: rule 3 and rule 4 point at each other.
        String grant = "{\"id\":\"dp-phase1-040-grant-again\",\"description\":\"g\",\"operation_type\":\"kms-grant\","
                + "\"datastore_arn\":\"arn:aws:rds:eu-west-1:123456789012:db:shipments-db\"}";
        CutoverException e = Compiles.failure(dir, add(DP, "/phases/0/during_cutover/-", grant));
        assertThat(e.problems()).anyMatch(p -> p.message().contains("cyclic requires"));
    }
}
