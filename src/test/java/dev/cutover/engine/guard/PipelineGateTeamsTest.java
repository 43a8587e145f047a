package dev.cutover.engine.guard;

import static dev.cutover.engine.guard.Guardrails.demoIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.app.StatusService;
import dev.cutover.approval.AnswersFileApprover;
import dev.cutover.engine.GuardOptions;
import dev.cutover.engine.LoadedPlan;
import dev.cutover.engine.PipelineApprovalRules;
import dev.cutover.engine.PipelineApprovalsFile;
import dev.cutover.engine.PipelineGate;
import dev.cutover.error.Problem;
import dev.cutover.input.ApprovalMode;
import dev.cutover.input.RunDirectory;
import dev.cutover.report.StatusView;
import dev.cutover.testing.Rehearsals;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In pipeline approvals each approver team signs a go/no-go gate on a line of its own, {@code gate:<team> <step>
 * approve}, uncommented in a commit of that team: one team's line never signs for another team, and a plain
 * {@code gate} rule, which would sign for every team at once, is refused.
 */
class PipelineGateTeamsTest {
    private static final String RUN = "cp-phase0-000-run";
    private static final String CP6_FIRST = "cp-phase6-090-target-empty";
    private static final String DP4_FIRST = "dp-phase4-001-announce";
    private static final String TWO_TEAMS = "environment: production\n" + Guardrails.PROGRAMS
            + "poll_interval_seconds: 10\napprovers:\n  platform: [tester]\n  dba: [tester]\n";

    @TempDir
    Path tmp;

    /** The production demo whose data-plane Cutover gate names the approver teams platform and dba. */
    private Scenario twoTeams() {
        return demoIn(tmp, "production").addDataPlaneGateTeam("dba").config(TWO_TEAMS);
    }

    /**
     * The two-team demo rehearsed in staging and run by a pipeline whose approvals file has the reviewers' commit:
     * manual steps done, the handoff decided, and team platform's own gate lines signed; team dba has signed nothing.
     */
    private Scenario pipelineRunWherePlatformSigned(Path approvals) throws Exception {
        Scenario scenario = twoTeams();
        String generated = PipelineApprovalsFile.render(Guardrails.planOf(scenario), "production");
        Files.writeString(approvals, generated.replaceAll("(?m)^# (approve|handoff|gate:platform) ", "$1 "));
        Rehearsals.rehearseAndCarry(scenario, tmp.resolve("staging"));
        return scenario.env("CI", "true")
                .env(PipelineGate.GATE_VARIABLE, "github-run-7-1")
                .guard(new GuardOptions(
                        Guardrails.pipelineOnlyOrg(tmp.resolve("org")), ApprovalMode.PER_STEP, approvals));
    }

    private static List<String> signatures(RunOutcome run) {
        return run.entries(RUN, "approved").stream()
                .map(e -> e.path("notes").asText())
                .filter(n -> n.startsWith("gate "))
                .toList();
    }

    private List<Problem> check(String text, LoadedPlan plan) throws Exception {
        Path file = Files.writeString(tmp.resolve("pipeline-approvals.txt"), text);
        return PipelineApprovalRules.check(AnswersFileApprover.load(file), plan, PipelineGate.Purpose.EXECUTE);
    }

    @Test
    void preparePipelineWritesOneCommentedLinePerTeamAndSaysEachTeamUncommentsItsOwn() {
        String approvals = PipelineApprovalsFile.render(Guardrails.planOf(twoTeams()), "production");

        assertThat(approvals)
                .contains("# GO/NO-GO GATE of data-plane phase 4 (Cutover), approvers: platform, dba. Each team signs"
                        + " on its own line below: it uncomments that line, and only that line, in a commit of its"
                        + " own; cutover.yaml approvers must list the pipeline's operator for the team.\n")
                .contains(
                        "# gate:platform  " + DP4_FIRST + "   approve\n# gate:dba       " + DP4_FIRST + "   approve\n")
                .contains("# gate:platform  " + CP6_FIRST + "   approve\n")
                .doesNotContainPattern("(?m)^#? ?gate +[cd]p-phase");
    }

    @Test
    void uncommentingOneTeamsLineSignsForThatTeamOnlyAndTheOtherTeamsLineSignsLater() throws Exception {
        Path approvals = tmp.resolve("pipeline-approvals.txt");
        Scenario scenario = pipelineRunWherePlatformSigned(approvals);

        RunOutcome halted = scenario.run(new ScriptedApprover());

        assertThat(halted.verdict()).as(halted.output()).isEqualTo("halted");
        assertThat(halted.output()).contains("no scripted answer for gate:dba on " + DP4_FIRST);
        assertThat(signatures(halted))
                .as("platform signed both gates, each from its own line; dba signed nothing")
                .hasSize(2)
                .allMatch(n -> n.contains("signed for team platform; answers file " + approvals + " line "))
                .allMatch(n -> n.contains("(gate:platform "))
                .noneMatch(n -> n.contains("team dba"));
        assertThat(halted.events(DP4_FIRST)).isEmpty();

        // Team dba's own commit: its line, and only its line.
        Files.writeString(approvals, Files.readString(approvals).replace("# gate:dba ", "gate:dba "));
        RunOutcome resumed =
                scenario.env(PipelineGate.GATE_VARIABLE, "github-run-8-1").resume(new ScriptedApprover());

        assertThat(resumed.verdict()).as(resumed.output()).isEqualTo("completed");
        int dbaLine = Files.readAllLines(approvals).indexOf("gate:dba       " + DP4_FIRST + "   approve") + 1;
        assertThat(signatures(resumed))
                .filteredOn(n -> n.contains("team dba"))
                .singleElement()
                .asString()
                .isEqualTo("gate dp4 (Cutover): signed for team dba; answers file " + approvals + " line " + dbaLine
                        + " (gate:dba " + DP4_FIRST + " approve); CI gate CUTOVER_PIPELINE_APPROVED=github-run-8-1");
    }

    @Test
    void aHaltedPipelineRunIsContinuedThroughThePipelinesResumeModeNotAnExecuteTheClassRefuses() throws Exception {
        Path approvals = tmp.resolve("pipeline-approvals.txt");
        Scenario scenario = pipelineRunWherePlatformSigned(approvals);

        RunOutcome halted = scenario.run(new ScriptedApprover());
        StatusView status = new StatusService(Clock.systemUTC(), Map.of()).status(new RunDirectory(scenario.dir()));

        assertThat(halted.verdict()).as(halted.output()).isEqualTo("halted");
        String script = scenario.dir().resolve("pipeline/run-cutover.sh").toString();
        assertThat(status.nextCommand()).isEqualTo("the pipeline's workflow, mode resume (" + script + " resume)");
        assertThat(Files.readString(scenario.dir().resolve("execution-report.md")))
                .contains("the pipeline's workflow, mode resume")
                .doesNotContain("cutover execute --run-dir");
    }

    @Test
    void aPlainGateRuleIsRefusedWhereTeamsSignAndATeamRuleOnlyForATeamOfTheGateAskedThere() throws Exception {
        LoadedPlan plan = Guardrails.planOf(twoTeams());

        List<Problem> problems = check("""
                gate           dp-phase4-001-announce        approve
                gate:ops       dp-phase4-001-announce        approve
                gate:dba       cp-phase6-090-target-empty    approve
                gate:dba       dp-phase4-010-freeze-source   approve
                gate:dba       dp-phase4-001-announce        abort
                # what prepare-pipeline writes is not listed:
                gate:platform  dp-phase4-001-announce        approve
                gate:dba       dp-phase4-001-announce        approve
                gate:platform  cp-phase6-090-target-empty    approve
                """, plan);

        assertThat(problems)
                .extracting(Problem::message, Problem::fix)
                .containsExactly(
                        Tuple.tuple(
                                "line 1: a plain `gate` rule signs for every approver team at once (platform, dba),"
                                        + " and in pipeline approvals each team signs on its own line",
                                "write one `gate:<team> dp-phase4-001-announce approve` line per team, each uncommented"
                                        + " by its team in a commit of its own: gate:platform, gate:dba"),
                        Tuple.tuple(
                                "line 2: `gate:ops` is never asked at dp-phase4-001-announce: ops is not an approver"
                                        + " team of the go/no-go gate asked there (platform, dba)",
                                "name one of its teams: gate:platform, gate:dba"),
                        Tuple.tuple(
                                "line 3: `gate:dba` is never asked at cp-phase6-090-target-empty: dba is not an"
                                        + " approver team of the go/no-go gate asked there (platform)",
                                "name one of its teams: gate:platform"),
                        Tuple.tuple(
                                "line 4: `gate:dba` is never asked at dp-phase4-010-freeze-source: no go/no-go gate is"
                                        + " signed there",
                                "name the step the gate's commented rule names (cp-phase6-090-target-empty,"
                                        + " dp-phase4-001-announce)"),
                        Tuple.tuple(
                                "line 5: `gate:dba` is answered 'abort', and pipeline approvals answer it only"
                                        + " 'approve'",
                                "write `approve`, or delete the line: the run halts there for a person"
                                        + " (docs/environments.md#the-pipeline-path)"));
    }

    @Test
    void aGateWithoutApproverTeamsIsSignedByThePlainRuleAloneWhichItsCommentSays() throws Exception {
        LoadedPlan plan = Guardrails.planOf(demoIn(tmp, "test")
                .editJson(
                        Scenario.DP,
                        root -> ((ObjectNode) root.path("phases").get(3).path("go_no_go_gate")).putArray("approvers")));
        String approvals = PipelineApprovalsFile.render(plan, "test");

        assertThat(approvals)
                .contains("# GO/NO-GO GATE of data-plane phase 4 (Cutover), which names no approver team: one plain"
                        + " rule signs it, for anyone the pipeline runs as (production refuses such a gate).\n")
                .contains("\n# gate           " + DP4_FIRST + "   approve\n");
        assertThat(check(approvals.replaceAll("(?m)^# (gate[: ])", "$1"), plan)).isEmpty();
        assertThat(check("gate:platform " + DP4_FIRST + " approve\n", plan))
                .extracting(Problem::fix)
                .containsExactly("write `gate " + DP4_FIRST + " approve`: the gate asked there names no approver team");
    }

    @Test
    void aGateWithoutTeamsAskedAtTheSameStepAsAGateWithTeamsCannotBeSignedByThePipeline() throws Exception {
        LoadedPlan plan = Guardrails.planOf(demoIn(tmp, "test").editJson(Scenario.CP, root -> {
            ObjectNode gate = ((ObjectNode) root.path("phases").get(5)).putObject("go_no_go_gate");
            gate.putArray("criteria").add("the zone is delegated");
            gate.putArray("approvers");
        }));
        String approvals = PipelineApprovalsFile.render(plan, "test");

        assertThat(approvals)
                .contains("# GO/NO-GO GATE of control-plane phase 5 (DNS Scaffolding), which names no approver team,"
                        + " is asked at " + CP6_FIRST + " with a gate whose teams sign there: a plain rule would sign"
                        + " for them too, so the pipeline cannot sign it. Name its approver teams in the checklist.\n")
                .doesNotContain("\n# gate           " + CP6_FIRST);
        assertThat(check("gate " + CP6_FIRST + " approve\n", plan))
                .extracting(Problem::message)
                .containsExactly("line 1: a plain `gate` rule signs for every approver team at once (platform), and"
                        + " in pipeline approvals each team signs on its own line");
    }

    @Test
    void aTeamOfTwoGatesAskedAtOneStepHasOneLineThereAndATeamNoRuleCanNameIsSaidToBeUnsignable() throws Exception {
        LoadedPlan plan = Guardrails.planOf(demoIn(tmp, "test").editJson(Scenario.CP, root -> {
            ObjectNode gate = ((ObjectNode) root.path("phases").get(5)).putObject("go_no_go_gate");
            gate.putArray("criteria").add("the zone is delegated");
            gate.putArray("approvers").add("platform").add("Net Ops");
        }));
        String approvals = PipelineApprovalsFile.render(plan, "test");

        assertThat(approvals)
                .containsOnlyOnce("# gate:platform  " + CP6_FIRST + "   approve\n")
                .contains("# team 'Net Ops' cannot be named in a rule (it has a space or a control character): the"
                        + " pipeline cannot sign for it. Rename the team in the checklist and cutover.yaml.\n")
                .contains("# The line of gate:platform above signs this gate for it too.\n");
        assertThat(check(approvals.replaceAll("(?m)^# (gate:)", "$1"), plan)).isEmpty();
    }
}
