package dev.cutover.engine.guard;

import static dev.cutover.engine.guard.Guardrails.assertRefused;
import static dev.cutover.engine.guard.Guardrails.demoIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.approval.AnswersFileApprover;
import dev.cutover.engine.GuardOptions;
import dev.cutover.engine.LoadedPlan;
import dev.cutover.engine.PipelineApprovalRules;
import dev.cutover.engine.PipelineApprovalsFile;
import dev.cutover.engine.PipelineGate;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.error.Problem;
import dev.cutover.input.ApprovalMode;
import dev.cutover.testing.Rehearsals;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of a pipeline approvals file (docs/environments.md, "The pipeline path"): a file whose header binds
 * it to the plan is still refused, before anything runs, when any rule is one prepare-pipeline would not write —
 * a glob, a failure or other unasked question, a step where the question is never asked, or any answer but the
 * one a reviewed change may give. What prepare-pipeline writes passes, commented or uncommented.
 */
class PipelineApprovalRulesTest {
    private static final String PARAM_STEP = "dp-phase3-020-label-config";

    @TempDir
    Path tmp;

    private Path org() {
        return Guardrails.pipelineOnlyOrg(tmp.resolve("org"));
    }

    private static LoadedPlan planOf(Scenario scenario) {
        return Guardrails.planOf(scenario);
    }

    /** The production demo in CI under the gate, rehearsed, reading {@code approvals} as its pipeline approvals. */
    private Scenario production(Path approvals) {
        Scenario scenario = demoIn(tmp, "production");
        Rehearsals.rehearseAndCarry(scenario, tmp.resolve("staging"));
        return scenario.env("CI", "true")
                .env(PipelineGate.GATE_VARIABLE, "github-run-7-1")
                .guard(new GuardOptions(org(), ApprovalMode.PER_STEP, approvals));
    }

    /** A hand-written file with the right header lines for {@code scenario}'s plan, then {@code rules}. */
    private static Path handWritten(Path file, Scenario scenario, PipelineGate.Purpose purpose, String rules)
            throws Exception {
        String header = PipelineGate.STEPS_HASH_PREFIX
                + PipelineGate.stepsSha256(planOf(scenario).stepsJson()) + "\n" + purpose.line() + "\n";
        return Files.writeString(file, header + rules);
    }

    private static List<String> lines(List<Problem> problems) {
        return problems.stream().map(p -> p.message().split(":")[0]).toList();
    }

    private static List<String> lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> "line " + n).toList();
    }

    @Test
    void theWildcardFileQaRanToCompletionIsRefusedBeforeAnythingRuns() throws Exception {
        Path approvals = tmp.resolve("pipeline-approvals.txt");
        Scenario scenario = production(approvals);
        handWritten(approvals, scenario, PipelineGate.Purpose.EXECUTE, """
                go-no-go       cp-phase0-000-run   proceed
                approve        *                   approve
                irreversible   *                   approve
                handoff        *                   approve
                gate           *                   approve
                failure        *                   rollback-continue
                """);

        RunOutcome run = scenario.run(new ScriptedApprover());

        assertRefused(
                run,
                ErrorCode.PIPELINE_APPROVALS_REFUSED,
                "--pipeline-approvals refused: " + approvals,
                "(5 problems); nothing was executed",
                "line 4: step-id glob '*' is a pattern, and every rule of pipeline approvals names one step",
                "line 8: `failure` has no place in execute's pipeline approvals: a failure is never answered in advance");
        assertThat(run.exitCode()).isEqualTo(3);
        List<Problem> problems = run.result().failure().problems();
        assertThat(lines(problems)).containsExactlyElementsOf(lines(4, 8));
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(approvals.toString());
            assertThat(p.fix()).isNotBlank();
        });
        assertThat(problems.get(0).fix()).contains("exact id from execution-steps.json");
        assertThat(problems.get(4).fix()).startsWith("delete the line: the run halts there for a person");
    }

    @Test
    void everyRuleOutsideWhatPreparePipelineWritesIsListedWithItsFix() throws Exception {
        Path approvals = tmp.resolve("pipeline-approvals.txt");
        Scenario scenario = production(approvals);
        handWritten(approvals, scenario, PipelineGate.Purpose.EXECUTE, """
                go-no-go       cp-phase0-000-run                      cancel
                go-no-go       cp-phase1-010-create-target            proceed
                approve        cp-phase1-010-create-targe?            approve
                approve        cp-phase1-999-missing                  approve
                approve        cp-phase1-010-create-target            skip
                approve        cp-phase6-999-handoff-to-data-plane    approve
                irreversible   cp-phase1-010-create-target            approve
                handoff        cp-phase1-010-create-target            approve
                gate           dp-phase4-010-freeze-source            approve
                param:label    cp-phase1-010-create-target            blue
                resume         cp-phase1-010-create-target            skip
                rollback       cp-phase1-010-create-target            approve
                failure        cp-phase1-010-create-target            retry
                resume         cp-phase0-000-run                      retry
                # what prepare-pipeline writes, or a reviewer adds to resume, is not listed:
                go-no-go       cp-phase0-000-run                      proceed
                irreversible   dp-phase3-010-copy-config              approve
                irreversible   dp-phase4-030-switch-live              approve
                handoff        cp-phase6-999-handoff-to-data-plane    approve
                gate:platform  dp-phase4-001-announce                 approve
                resume         dp-phase2-010-copy-data                retry
                """);

        RunOutcome run = scenario.run(new ScriptedApprover());

        assertRefused(run, ErrorCode.PIPELINE_APPROVALS_REFUSED, "(14 problems)");
        List<Problem> problems = run.result().failure().problems();
        assertThat(lines(problems)).containsExactlyElementsOf(lines(3, 16));
        assertThat(problems)
                .extracting(Problem::message)
                .containsExactly(
                        "line 3: `go-no-go` is answered 'cancel', and pipeline approvals answer it only 'proceed'",
                        "line 4: only go-no-go is answered on the run (cp-phase0-000-run), not `go-no-go` on"
                                + " cp-phase1-010-create-target",
                        "line 5: step-id glob 'cp-phase1-010-create-targe?' is a pattern, and every rule of pipeline"
                                + " approvals names one step",
                        "line 6: no step cp-phase1-999-missing in the plan",
                        "line 7: `approve` is answered 'skip', and pipeline approvals answer it only 'approve'",
                        "line 8: `approve` is never asked at cp-phase6-999-handoff-to-data-plane: it is the handoff",
                        "line 9: `irreversible` is never asked at cp-phase1-010-create-target: it is neither"
                                + " irreversible nor the point of no return",
                        "line 10: `handoff` is never asked at cp-phase1-010-create-target: only"
                                + " cp-phase6-999-handoff-to-data-plane is the handoff",
                        "line 11: `gate` is never asked at dp-phase4-010-freeze-source: no go/no-go gate is signed"
                                + " there",
                        "line 12: `param:label` is never asked at cp-phase1-010-create-target: no parameter {label}"
                                + " in its commands",
                        "line 13: `resume` is answered 'skip', and pipeline approvals answer it only 'retry'",
                        "line 14: `rollback` has no place in execute's pipeline approvals: only `cutover rollback` asks it",
                        "line 15: `failure` has no place in execute's pipeline approvals: a failure is never answered"
                                + " in advance",
                        "line 16: only go-no-go is answered on the run (cp-phase0-000-run), not `resume` on"
                                + " cp-phase0-000-run");
        assertThat(problems.get(8).fix()).contains("cp-phase6-090-target-empty", "dp-phase4-001-announce");
        assertThat(problems.get(11).fix()).isEqualTo("move it to pipeline-rollback-approvals.txt, or delete the line");
    }

    @Test
    void theRollbackJobsFileIsHeldToTheRulesOfItsOwnPurposeAndNothingIsUndone() throws Exception {
        Scenario scenario = production(tmp.resolve("pipeline-approvals.txt"));
        String approvals = PipelineApprovalsFile.render(planOf(scenario), "production");
        Files.writeString(
                tmp.resolve("pipeline-approvals.txt"),
                approvals.replaceAll("(?m)^# (approve|handoff|gate:\\S+) ", "$1 "));
        assertThat(scenario.run(new ScriptedApprover()).verdict()).isEqualTo("completed");
        Path rollbackFile = tmp.resolve("pipeline-rollback-approvals.txt");
        handWritten(rollbackFile, scenario, PipelineGate.Purpose.ROLLBACK, """
                rollback       *                             approve
                irreversible   *                             approve
                approve        cp-phase1-010-create-target   approve
                rollback       dp-phase3-010-copy-config     approve
                irreversible   cp-phase1-010-create-target   approve
                rollback       cp-phase1-010-create-target   skip
                failure        *                             rollback-stop
                param:label    cp-phase1-010-create-target   blue
                # what prepare-pipeline writes, commented or not, is not listed:
                irreversible   dp-phase3-010-copy-config     approve
                rollback       dp-phase4-030-switch-live     approve
                """);
        scenario.guard(new GuardOptions(org(), ApprovalMode.PER_STEP, rollbackFile));

        assertThatThrownBy(() -> scenario.rollback(new ScriptedApprover()))
                .isInstanceOfSatisfying(CutoverException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PIPELINE_APPROVALS_REFUSED);
                    assertThat(e.code().exitCode()).isEqualTo(3);
                    assertThat(lines(e.problems())).containsExactlyElementsOf(lines(3, 10));
                    assertThat(e.problems())
                            .extracting(Problem::message)
                            .contains(
                                    "line 5: `approve` has no place in rollback's pipeline approvals: `cutover"
                                            + " rollback` never asks it",
                                    "line 6: `rollback` is never asked at dp-phase3-010-copy-config: it has no"
                                            + " rollback command",
                                    "line 10: `param:label` is never asked at cp-phase1-010-create-target: no"
                                            + " parameter {label} in its rollback command");
                })
                .hasMessageContaining("line 3: step-id glob '*' is a pattern");
        assertThat(scenario.dir().resolve("service/target"))
                .as("nothing was undone")
                .exists();
    }

    /** The demo with one more step whose command, verify and rollback need the runtime value {@code {label}}. */
    private Scenario withParameterStep() {
        return demoIn(tmp, "production").withLabelStep(PARAM_STEP, true);
    }

    private List<Problem> check(String text, LoadedPlan plan, PipelineGate.Purpose purpose) throws Exception {
        Path file = Files.writeString(tmp.resolve(purpose.fileName()), text);
        return PipelineApprovalRules.check(AnswersFileApprover.load(file), plan, purpose);
    }

    @Test
    void theFilesPreparePipelineWritesPassAsWrittenAndWithEveryCommentedRuleTaken() throws Exception {
        LoadedPlan plan = planOf(withParameterStep());
        String execute = PipelineApprovalsFile.render(plan, "production");
        String rollback = PipelineApprovalsFile.renderRollback(plan, "production");
        String uncomment =
                "(?m)^# ((approve|handoff|gate:[a-z]+|irreversible|rollback|param:[a-z0-9._-]+) +[cd]p-phase)";
        assertThat(execute).contains("# param:label   " + PARAM_STEP + "   VALUE");
        assertThat(rollback).contains("# param:label   " + PARAM_STEP + "   VALUE");

        assertThat(check(execute, plan, PipelineGate.Purpose.EXECUTE)).isEmpty();
        assertThat(check(rollback, plan, PipelineGate.Purpose.ROLLBACK)).isEmpty();
        String reviewed = execute.replaceAll(uncomment, "$1")
                + "resume         dp-phase2-010-copy-data   retry   # the follow-up commit of a halted run\n";
        assertThat(reviewed).contains("\nparam:label   " + PARAM_STEP, "\ngate:platform  dp-phase4-001-announce");
        assertThat(check(reviewed, plan, PipelineGate.Purpose.EXECUTE)).isEmpty();
        assertThat(check(rollback.replaceAll(uncomment, "$1"), plan, PipelineGate.Purpose.ROLLBACK))
                .isEmpty();
    }

    @Test
    void aParameterIsAnsweredOnlyForTheStepWhoseCommandsNeedIt() throws Exception {
        LoadedPlan plan = planOf(withParameterStep());

        assertThat(check("param:label dp-phase2-010-copy-data blue\n", plan, PipelineGate.Purpose.EXECUTE))
                .extracting(Problem::message, Problem::fix)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "line 1: `param:label` is never asked at dp-phase2-010-copy-data: no parameter {label} in"
                                + " its commands",
                        "delete the line: the step asks for no value"));
        assertThat(check("param:other " + PARAM_STEP + " blue\n", plan, PipelineGate.Purpose.ROLLBACK))
                .extracting(Problem::fix)
                .containsExactly("name one of its parameters: label");
    }
}
