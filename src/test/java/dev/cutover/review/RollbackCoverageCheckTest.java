package dev.cutover.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollbackCoverageCheckTest {
    private static final String COPY_CONFIG = "dp-phase3-010-copy-config";
    private static final String FREEZE = "dp-phase4-010-freeze-source";
    private static final String SWITCH = "dp-phase4-030-switch-live";

    @TempDir
    Path tmp;

    private final RollbackCoverageCheck check = new RollbackCoverageCheck();

    @Test
    void everyMutatingCommandStepOfTheDemoPassesAndNothingElseIsReviewed() {
        List<Finding> findings = ReviewFixture.demo(tmp).findings(check);

        assertThat(findings)
                .extracting(Finding::subject)
                .containsExactly(
                        "cp-phase1-010-create-target",
                        "dp-phase2-010-copy-data",
                        COPY_CONFIG,
                        FREEZE,
                        "dp-phase4-020-final-delta",
                        SWITCH);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.PASS);
            assertThat(f.fix()).isNull();
        });
        assertThat(findings.get(0).message())
                .isEqualTo("rollback from migration-plan.phases[number=1].rollback.steps[0] (rollback window 30 min)");
    }

    @Test
    void aMutatingStepWithoutRollbackFailsNamingTheStepAndBothFixes() {
        List<Finding> findings = ReviewFixture.demo(tmp)
                .item(COPY_CONFIG, i -> i.remove("rollback_command"))
                .findings(check);

        Finding f = only(findings, COPY_CONFIG);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message())
                .startsWith("mutating lambda-code-upload step without a rollback")
                // Data has moved, so the compiler now makes this step the point of no return: say why.
                .endsWith("it is the plan's point of no return only because of that");
        assertThat(f.fix()).contains("rollback_command", "\"irreversible\": true on checklist item " + COPY_CONFIG);
    }

    @Test
    void anIrreversibleStepWithoutRollbackPassesNamingThePointOfNoReturn() {
        List<Finding> findings = ReviewFixture.demo(tmp)
                .json(
                        "migration-plan.json",
                        root -> root.withObject("/phases/4/rollback").putArray("steps"))
                .findings(check);

        Finding f = only(findings, SWITCH);
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).contains("irreversible, at or after the point of no return (" + SWITCH + ")");
    }

    @Test
    void aFreezeWithoutItsOwnRollbackAfterThePointOfNoReturnIsUndoneByItsReleaseStep() {
        // The config copy without its rollback is the point of no return, before the freeze.
        List<Finding> findings = ReviewFixture.demo(tmp)
                .item(COPY_CONFIG, i -> i.remove("rollback_command"))
                .item(FREEZE, i -> i.remove("rollback_command"))
                .findings(check);

        Finding f = only(findings, FREEZE);
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message())
                .isEqualTo("begins the write freeze on arn:aws:s3:::demo-data; release step"
                        + " dp-phase4-090-release-freeze lifts it");
    }

    @Test
    void aFreezeWithoutItsOwnRollbackThatIsThePointOfNoReturnIsAWarningSayingSo() {
        // The freeze is then the first command step without a rollback after the bulk copy moved data.
        List<Finding> findings = ReviewFixture.demo(tmp)
                .item(FREEZE, i -> i.remove("rollback_command"))
                .findings(check);

        Finding f = only(findings, FREEZE);
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("release step dp-phase4-090-release-freeze lifts it", "point of no return");
        assertThat(f.fix()).contains("rollback_command that lifts the freeze");
    }

    @Test
    void aFreezeWithoutRollbackWhoseWindowIsNeverReleasedFails() {
        List<Finding> findings = ReviewFixture.demo(tmp)
                .item(FREEZE, i -> i.remove("rollback_command"))
                .json(
                        ReviewFixture.DP,
                        root -> root.withObject("/freeze_windows/0").putNull("release_step_id"))
                .findings(check);

        assertThat(only(findings, FREEZE).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void humanStepsAreNotReviewedEvenWithoutRollback() {
        List<Finding> findings = ReviewFixture.demo(tmp)
                .item(COPY_CONFIG, i -> {
                    i.remove("rollback_command");
                    i.put("tool", "manual");
                })
                .findings(check);

        assertThat(findings).extracting(Finding::subject).doesNotContain(COPY_CONFIG);
        assertThat(findings).allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.PASS));
    }

    static Finding only(List<Finding> findings, String subject) {
        List<Finding> matching =
                findings.stream().filter(f -> f.subject().equals(subject)).toList();
        assertThat(matching).as(subject).hasSize(1);
        return matching.get(0);
    }
}
