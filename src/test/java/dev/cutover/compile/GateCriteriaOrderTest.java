package dev.cutover.compile;

import static dev.cutover.compile.Compiles.CP;
import static dev.cutover.compile.Compiles.DP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.compile.Compiles.Edit;
import dev.cutover.error.CutoverException;
import dev.cutover.error.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gate criterion checked by a step's verify must name a step that runs before the gate is asked, in walk order
 * (docs/approvals.md): otherwise the gate blocks mid-run until someone does that step by hand. In the complete
 * fixture the data-plane phase 4 gate is asked before dp-phase4-001-lower-ttl and the control-plane phase 6 gate
 * before cp-phase6-001-announce-freeze.
 */
class GateCriteriaOrderTest {
    private static final String DP4_CRITERIA = "/phases/3/go_no_go_gate/criteria";

    @TempDir
    Path dir;

    @Test
    void aCriterionCheckedByALaterStepOfItsPlaneIsACompileError() {
        CutoverException e = Compiles.failure(
                dir,
                Edit.replace(
                        DP,
                        DP4_CRITERIA,
                        "[\"dp-phase2-030-restore-db: target shipments-db is available\","
                                + " \"dp-phase4-030-route53-cutover: api resolves to the target\"]"));

        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.problems()).hasSize(1);
        Problem p = Compiles.problemAt(e, DP, DP4_CRITERIA + "/1");
        assertThat(p.message())
                .isEqualTo("the go/no-go gate of data-plane phase 4 (Cutover) has a criterion checked by the verify of"
                        + " dp-phase4-030-route53-cutover, which runs after the gate is asked (before"
                        + " dp-phase4-001-lower-ttl): the check fails until that step has run, so the gate could only"
                        + " be signed if someone did the step by hand first");
        assertThat(p.fix())
                .isEqualTo("name a step that runs before dp-phase4-001-lower-ttl, or move the gate to a phase after"
                        + " dp-phase4-030-route53-cutover");
    }

    @Test
    void aControlPlaneGateMayNotWaitOnADataPlaneStepWhichRunsAfterIt() {
        CutoverException e = Compiles.failure(
                dir,
                Edit.add(CP, "/phases/6/go_no_go_gate/criteria/-", "\"dp-phase1-010-kms-grant-db: grant listed\""));

        assertThat(Compiles.problemAt(e, CP, "/phases/6/go_no_go_gate/criteria/4")
                        .message())
                .contains("verify of dp-phase1-010-kms-grant-db, which runs after the gate is asked (before"
                        + " cp-phase6-001-announce-freeze)");
    }

    @Test
    void aCriterionCheckedByTheStepTheGateIsAskedBeforeIsACompileError() {
        CutoverException e = Compiles.failure(
                dir,
                Edit.add(
                        CP,
                        "/phases/3/go_no_go_gate",
                        "{\"criteria\": [\"cp-phase3-010-apply-databases: plan shows no changes\"],"
                                + " \"approvers\": [\"platform\"]}"));

        assertThat(Compiles.problemAt(e, CP, "/phases/3/go_no_go_gate/criteria/0")
                        .message())
                .contains("verify of cp-phase3-010-apply-databases, the step the gate is asked before:");
    }

    /**
     * Steps that run before the gate, in either plane, are what criteria are for; a later step that nothing checks by
     * machine (a human step) links nothing and stays for the signers to judge, as the walk treats it.
     */
    @Test
    void earlierStepsOfEitherPlaneAndLaterStepsNothingChecksCompile() {
        Plan plan = Compiles.compileEdited(
                dir,
                Edit.replace(
                        DP,
                        DP4_CRITERIA,
                        "[\"cp-phase3-090-check-subnet-group: subnet group exists\","
                                + " \"dp-phase2-030-restore-db: target shipments-db is available\","
                                + " \"dp-phase5-030-validate-db: row counts will be compared\"]"));

        assertThat(plan.steps()).isNotEmpty();
    }
}
