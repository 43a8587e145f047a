package dev.cutover.review;

import static dev.cutover.review.RollbackCoverageCheckTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RtoCheckTest {
    private static final String CP1 = "cutover-checklist-control-plane.json#/phases/1";
    private static final String DP2 = "cutover-checklist-data-plane.json#/phases/1";
    private static final String DP3 = "cutover-checklist-data-plane.json#/phases/2";
    private static final String DP4 = "cutover-checklist-data-plane.json#/phases/3";

    @TempDir
    Path tmp;

    private final RtoCheck check = new RtoCheck();

    @Test
    void everyDemoPhaseWithARollbackFitsTheConfiguredRto() {
        List<Finding> findings = ReviewFixture.demo(tmp).findings(check);

        assertThat(findings).extracting(Finding::subject).containsExactly(CP1, DP2, DP3, DP4);
        assertThat(findings).extracting(Finding::status).containsOnly(Status.PASS);
        assertThat(only(findings, DP4).message())
                .isEqualTo("DP4 Cutover: rollback estimated at 3 min (dp-phase4-010-freeze-source 1 min,"
                        + " dp-phase4-020-final-delta 1 min, dp-phase4-030-switch-live 1 min), within the RTO 15 min"
                        + " (cutover.yaml#/rto_minutes)");
    }

    @Test
    void aPhaseWhoseRollbackTakesLongerThanTheRtoFailsNamingEstimateAndRto() {
        List<Finding> findings =
                ReviewFixture.demo(tmp).yaml("rto_minutes", "rto_minutes: 2").findings(check);

        Finding f = only(findings, DP4);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message())
                .startsWith("DP4 Cutover: rollback estimated at 3 min")
                .endsWith("exceeds the RTO 2 min (cutover.yaml#/rto_minutes)");
        assertThat(only(findings, DP2).status()).isEqualTo(Status.PASS);
    }

    @Test
    void withoutRtoMinutesEachPhaseIsHeldToItsDatastoresTarget() {
        List<Finding> findings = ReviewFixture.demo(tmp)
                .yaml("rto_minutes", "")
                .datastore(d -> d.put("rto_target_minutes", 2))
                .findings(check);

        assertThat(only(findings, DP4).status()).isEqualTo(Status.FAIL);
        assertThat(only(findings, DP4).message())
                .endsWith("exceeds the RTO 2 min (data-migration-plan.json#/datastores/0/rto_target_minutes)");
        // The configuration copy touches no datastore: no RTO applies to its phase.
        assertThat(only(findings, DP3).message())
                .endsWith("no RTO applies (it touches no datastore with" + " rto_target_minutes)");
        assertThat(only(findings, CP1).status()).isEqualTo(Status.PASS);
    }

    @Test
    void theStrictestTargetOfTheDatastoresAPhaseTouchesApplies() {
        List<Finding> findings = ReviewFixture.demo(tmp)
                .yaml("rto_minutes", "")
                .json(ReviewFixture.DATA_PLAN, root -> {
                    ObjectNode extra = root.withArray("datastores").get(0).deepCopy();
                    extra.put("resource_arn", "arn:aws:s3:::demo-extra")
                            .put("name", "demo-extra")
                            .put("rto_target_minutes", 2)
                            .remove("freeze_window");
                    root.withArray("datastores").add(extra);
                })
                .item("dp-phase4-020-final-delta", i -> i.put("datastore_arn", "arn:aws:s3:::demo-extra"))
                .findings(check);

        assertThat(only(findings, DP4).message())
                .endsWith("exceeds the RTO 2 min (data-migration-plan.json#/datastores/1/rto_target_minutes)");
        assertThat(only(findings, DP2).message())
                .endsWith("within the RTO 15 min" + " (data-migration-plan.json#/datastores/0/rto_target_minutes)");
    }

    @Test
    void noRtoAnywhereWarnsOnceWithTheLongestPath() {
        List<Finding> findings = ReviewFixture.demo(tmp)
                .yaml("rto_minutes", "")
                .datastore(d -> d.remove("rto_target_minutes"))
                .findings(check);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.WARN);
            assertThat(f.subject()).isEqualTo("cutover.yaml#/rto_minutes");
            assertThat(f.message()).endsWith("the longest rollback path is DP4 at 3 min");
        });
    }

    @Test
    void aRollbackStepWithoutTimeBoxMakesTheEstimateAWarning() {
        List<Finding> findings = ReviewFixture.demo(tmp)
                .item("dp-phase4-020-final-delta", i -> i.remove("time_box_minutes"))
                .findings(check);

        Finding f = only(findings, DP4);
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message())
                .contains("dp-phase4-020-final-delta no time box")
                .endsWith("but dp-phase4-020-final-delta has no time box, so its undo time is unknown");
    }

    @Test
    void theAssessmentListsEachPhasesRollbackStepsWithTheirEstimates() {
        RtoAssessment rto = RtoAssessment.of(ReviewFixture.demo(tmp).context());

        assertThat(rto.configuredMinutes()).isEqualTo(15);
        assertThat(rto.declared()).isTrue();
        assertThat(rto.phases())
                .extracting(RtoAssessment.PhaseRollback::phase)
                .containsExactly("CP1", "DP2", "DP3", "DP4");
        RtoAssessment.PhaseRollback dp4 = rto.phases().get(3);
        assertThat(dp4.estimateMinutes()).isEqualTo(3);
        assertThat(dp4.steps())
                .containsExactly(
                        new RtoAssessment.StepEstimate("dp-phase4-010-freeze-source", 1, true),
                        new RtoAssessment.StepEstimate("dp-phase4-020-final-delta", 1, true),
                        new RtoAssessment.StepEstimate("dp-phase4-030-switch-live", 1, true));
        assertThat(dp4.overRto()).isFalse();
    }
}
