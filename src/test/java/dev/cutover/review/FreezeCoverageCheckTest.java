package dev.cutover.review;

import static dev.cutover.review.RollbackCoverageCheckTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreezeCoverageCheckTest {
    private static final String STORE = "data-migration-plan.json#/datastores/0";
    private static final String FREEZE = "dp-phase4-010-freeze-source";
    private static final String FINAL_DELTA = "dp-phase4-020-final-delta";

    @TempDir
    Path tmp;

    private final FreezeCoverageCheck check = new FreezeCoverageCheck();

    @Test
    void theDemoFreezesItsDatastoreBeforeTheFinalCopy() {
        List<Finding> findings = ReviewFixture.demo(tmp).findings(check);

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0))
                .isEqualTo(Finding.pass(
                        FreezeCoverageCheck.NAME,
                        STORE,
                        "arn:aws:s3:::demo-data (demo-data): writes stop at " + FREEZE + ", before its final copy "
                                + FINAL_DELTA));
    }

    @Test
    void aDatastoreThePlanRequiresToFreezeWithoutAFreezeWindowFailsNamingItAndTheFile() {
        Finding f = only(withoutWindow().findings(check), STORE);

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message())
                .startsWith(
                        "arn:aws:s3:::demo-data (demo-data) takes writes during the cutover (data-migration-plan.json"
                                + " requires a write freeze: freeze_window.required)")
                .contains("cutover-checklist-data-plane.json freeze_windows has no window for it");
        assertThat(f.fix()).contains("add a freeze window for arn:aws:s3:::demo-data");
    }

    @Test
    void aFreezeStepWithoutAWindowFailsEvenWhenThePlanSaysNoFreeze() {
        Finding f = only(
                withoutWindow()
                        .datastore(d -> d.withObject("freeze_window").put("required", false))
                        .findings(check),
                STORE);

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("(step " + FREEZE + " freezes it)");
    }

    @Test
    void thePlansReasonedNoFreezeIsAccepted() {
        Finding f = only(
                notFrozen()
                        .datastore(d -> d.withObject("freeze_window").put("notes", "Read-only archive."))
                        .findings(check),
                STORE);

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).endsWith("no freeze needed, says the data-migration plan: Read-only archive.");
    }

    @Test
    void anUnexplainedNoFreezeOnACopyOnceStrategyWarns() {
        Finding f = only(
                notFrozen()
                        .datastore(d -> d.withObject("freeze_window").putNull("notes"))
                        .findings(check),
                STORE);

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("bulk-plus-delta copy misses writes made after it");
    }

    @Test
    void aCopiedDatastoreThePlanSaysNothingAboutWarns() {
        Finding f = only(notFrozen().datastore(d -> d.remove("freeze_window")).findings(check), STORE);

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("nothing says whether its source takes writes");
    }

    @Test
    void aLastCopyBeforeTheFreezeLosesWritesAndFails() {
        Finding f = only(
                ReviewFixture.demo(tmp)
                        .item(FINAL_DELTA, i -> i.putNull("datastore_arn"))
                        .findings(check),
                STORE);

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message())
                .contains("its last copy dp-phase2-010-copy-data runs before that")
                .contains("lost at the switch");
        assertThat(f.fix()).contains("after " + FREEZE);
    }

    @Test
    void aContinuouslyReplicatedDatastoreNeedsNoFinalCopyUnderTheFreeze() {
        Finding f = only(
                ReviewFixture.demo(tmp)
                        .item(FINAL_DELTA, i -> i.putNull("datastore_arn"))
                        .datastore(d -> d.withObject("strategy").put("mode", "continuous-replication"))
                        .findings(check),
                STORE);

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).contains("continuous-replication keeps the target current");
    }

    @Test
    void aCopiedDatastoreMissingFromThePlanWarnsOnItsFirstStep() {
        List<Finding> findings = ReviewFixture.demo(tmp)
                .item(FINAL_DELTA, i -> i.put("datastore_arn", "arn:aws:s3:::demo-extra"))
                .findings(check);

        Finding f = only(findings, FINAL_DELTA);
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).startsWith("arn:aws:s3:::demo-extra is copied by " + FINAL_DELTA);
    }

    private ReviewFixture withoutWindow() {
        return ReviewFixture.demo(tmp).json(ReviewFixture.DP, root -> root.putArray("freeze_windows"));
    }

    /** No window, and the freeze step no longer names the datastore: only the plan decides. */
    private ReviewFixture notFrozen() {
        return withoutWindow()
                .item(FREEZE, i -> i.putNull("datastore_arn"))
                .datastore(d -> d.withObject("freeze_window").put("required", false));
    }
}
