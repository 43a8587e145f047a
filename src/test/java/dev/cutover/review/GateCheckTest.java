package dev.cutover.review;

import static dev.cutover.review.RollbackCoverageCheckTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCheckTest {
    private static final String CP6 = "cutover-checklist-control-plane.json#/phases/6/go_no_go_gate";
    private static final String DP4 = "cutover-checklist-data-plane.json#/phases/3/go_no_go_gate";

    @TempDir
    Path tmp;

    private final GateCheck check = new GateCheck(VagueCriteria.bundled());

    @Test
    void theDemosTwoGatesHaveConcreteCriteriaAndApprovers() {
        List<Finding> findings = ReviewFixture.demo(tmp).findings(check);

        assertThat(findings).extracting(Finding::subject).containsExactly(CP6, DP4);
        assertThat(findings).extracting(Finding::status).containsOnly(Status.PASS);
        assertThat(findings.get(1).message())
                .isEqualTo("gate before DP4 Cutover: 3 concrete criteria, signed by platform");
    }

    @Test
    void aVagueCriterionFailsNamingTheGateAndTheCriterion() {
        List<Finding> findings = dp4(gate -> gate.withArray("criteria").set(1, "plan exists"));

        Finding f = only(findings, DP4 + "/criteria/1");
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message())
                .isEqualTo("gate before DP4 Cutover: criterion \"plan exists\" is vague: too short (2 words, at least"
                        + " 3)");
        assertThat(findings).extracting(Finding::subject).doesNotContain(DP4);
    }

    @Test
    void aGateWithoutApproversFails() {
        Finding f = only(dp4(gate -> gate.putArray("approvers")), DP4 + "/approvers");

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("has no approver teams");
    }

    @Test
    void aGateWithoutCriteriaFails() {
        Finding f = only(dp4(gate -> gate.putArray("criteria")), DP4 + "/criteria");

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).isEqualTo("gate before DP4 Cutover has no criteria");
    }

    @Test
    void everyProblemOfOneGateIsReported() {
        List<Finding> findings = dp4(gate -> {
            gate.putArray("criteria").add("Everything looks good").add("Stakeholders are notified");
            gate.putArray("approvers");
        });

        assertThat(findings)
                .filteredOn(f -> f.status() == Status.FAIL)
                .extracting(Finding::subject)
                .containsExactly(DP4 + "/criteria/0", DP4 + "/criteria/1", DP4 + "/approvers");
    }

    @Test
    void aPlanWithoutAnyGateWarnsOnce() {
        List<Finding> findings = ReviewFixture.demo(tmp)
                .json(
                        ReviewFixture.CP,
                        root -> ((ObjectNode) root.path("phases").get(6)).remove("go_no_go_gate"))
                .json(
                        ReviewFixture.DP,
                        root -> ((ObjectNode) root.path("phases").get(3)).remove("go_no_go_gate"))
                .findings(check);

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).status()).isEqualTo(Status.WARN);
    }

    @Test
    void aGateThatNoStepFollowsInItsPlaneWarnsThatItIsNeverAsked() {
        String dp5 = "cutover-checklist-data-plane.json#/phases/4/go_no_go_gate";
        List<Finding> findings = ReviewFixture.demo(tmp)
                .json(ReviewFixture.DP, root -> {
                    ObjectNode last = (ObjectNode) root.path("phases").get(4);
                    last.putArray("post_cutover");
                    ObjectNode gate = last.putObject("go_no_go_gate");
                    gate.putArray("criteria").add("the error-rate dashboard stays below one percent");
                    gate.putArray("approvers").add("platform");
                })
                .findings(check);

        Finding f = only(findings, dp5);
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message())
                .isEqualTo("gate before DP5 Data Validation is never asked: no step of its plane runs at or"
                        + " after that phase, so it guards nothing");
    }

    private List<Finding> dp4(Consumer<ObjectNode> edit) {
        return ReviewFixture.demo(tmp)
                .json(ReviewFixture.DP, root -> edit.accept(root.withObject("/phases/3/go_no_go_gate")))
                .findings(check);
    }
}
