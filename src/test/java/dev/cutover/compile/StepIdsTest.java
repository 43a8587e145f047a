package dev.cutover.compile;

import static dev.cutover.compile.Compiles.CP;
import static dev.cutover.compile.Compiles.DP;
import static dev.cutover.compile.Compiles.Edit.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.error.CutoverException;
import dev.cutover.input.ChecklistItem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepIdsTest {
    @TempDir
    Path dir;

    @Test
    void itemIdsThatAreStepIdsAreReused() {
        Plan plan = Compiles.complete();
        assertThat(plan.step("dp-phase4-010-freeze-docs")).isPresent();
        assertThat(Compiles.step(plan, "cp-phase0-030-apply-iam").checklistItemId())
                .isEqualTo("cp-phase0-030-apply-iam");
    }

    @Test
    void otherItemsGetSequenceFromPositionInPhaseAndSlugFromAction() {
        // "verify-auth" is the first item of cp phase 0 and its verification command is executable.
        ExecutionStep step = Compiles.step(Compiles.complete(), "cp-phase0-010-verify-only");
        assertThat(step.checklistItemId()).isEqualTo("verify-auth");
    }

    @Test
    void slugUsesLastArnSegmentThenActionCutTo48Characters() {
        ChecklistItem item = item("arn:aws:s3:::My_Very.Long.Bucket-Name-That-Goes-On-And-On-Forever", null);
        String slug = StepIds.slug(item, "s3-batch-replication-job");
        assertThat(slug).hasSizeLessThanOrEqualTo(48).doesNotEndWith("-").startsWith("my-very-long-bucket-name");
        assertThat(StepIds.slug(item(null, "networking"), "terraform-apply")).isEqualTo("networking-terraform-apply");
        assertThat(StepIds.slug(item(null, null), "manual-decision")).isEqualTo("manual-decision");
    }

    @Test
    void kebabLowercasesAndCollapsesRunsOfOtherCharacters() {
        assertThat(StepIds.kebab("  Foo__Bar  baz--")).isEqualTo("foo-bar-baz");
    }

    @Test
    void idWithAnotherPhaseIsACompileError() {
        CutoverException e =
                Compiles.failure(dir, replace(DP, "/phases/3/during_cutover/0/id", "\"dp-phase3-010-freeze-docs\""));
        assertThat(Compiles.problemAt(e, DP, "/phases/3/during_cutover/0/id").message())
                .contains("does not match");
    }

    @Test
    void idWithAnotherPlaneIsACompileError() {
        CutoverException e =
                Compiles.failure(dir, replace(DP, "/phases/3/during_cutover/0/id", "\"cp-phase4-010-freeze-docs\""));
        assertThat(Compiles.problemAt(e, DP, "/phases/3/during_cutover/0/id").message())
                .contains("does not match");
    }

    @Test
    void reservedSequenceNumbersAreCompileErrors() {
        CutoverException e = Compiles.failure(
                dir,
                replace(CP, "/phases/1/during_cutover/0/id", "\"cp-phase1-000-apply-networking\""),
                replace(CP, "/phases/2/during_cutover/0/id", "\"cp-phase2-999-apply-storage\""));
        assertThat(Compiles.problemAt(e, CP, "/phases/1/during_cutover/0/id").message())
                .contains("reserved");
        assertThat(Compiles.problemAt(e, CP, "/phases/2/during_cutover/0/id").message())
                .contains("reserved");
    }

    @Test
    void duplicateIdsAreCompileErrors() {
        CutoverException e =
                Compiles.failure(dir, replace(DP, "/phases/3/during_cutover/1/id", "\"dp-phase4-010-freeze-docs\""));
        assertThat(Compiles.problemAt(e, DP, "/phases/3/during_cutover/1/id").message())
                .isEqualTo("item id dp-phase4-010-freeze-docs is also the id of item dp-phase4-010-freeze-docs"
                        + " (cutover-checklist-data-plane.json /phases/3/during_cutover/0)");
    }

    @Test
    void duplicateItemIdsThatAreNotStepIdsAreCompileErrorsToo() {
        // Both would get step ids of their own, but a freeze window or a person citing the id would be ambiguous.
        CutoverException e = Compiles.failure(dir, replace(CP, "/phases/1/pre_cutover/0/id", "\"verify-auth\""));

        assertThat(Compiles.problemAt(e, CP, "/phases/1/pre_cutover/0/id").message())
                .isEqualTo("item id verify-auth is also the id of item verify-auth"
                        + " (cutover-checklist-control-plane.json /phases/0/pre_cutover/0)");
    }

    @Test
    void anItemIdEqualToAnotherItemsGeneratedStepIdNamesBothItems() {
        CutoverException e =
                Compiles.failure(dir, replace(CP, "/phases/0/post_cutover/0/id", "\"cp-phase0-010-verify-only\""));

        assertThat(Compiles.problemAt(e, CP, "/phases/0/post_cutover/0/id").message())
                .isEqualTo("step id cp-phase0-010-verify-only (its own id) is already the step id of item verify-auth"
                        + " (cutover-checklist-control-plane.json /phases/0/pre_cutover/0) (generated for it)");
    }

    @Test
    void moreThan99ItemsInAPhaseIsACompileError() {
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\":\"check-").append(i).append("\",\"description\":\"d\"}");
        }
        items.append("]");
        CutoverException e = Compiles.failure(dir, replace(CP, "/phases/6/post_cutover", items.toString()));
        assertThat(e.problems()).anyMatch(p -> p.message().contains("more than 99"));
    }

    private static ChecklistItem item(String datastoreArn, String module) {
        return new ChecklistItem(
                "x", "d", null, null, null, null, module, null, datastoreArn, null, null, null, List.of(), null, null);
    }
}
