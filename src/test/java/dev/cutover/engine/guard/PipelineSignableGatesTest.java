package dev.cutover.engine.guard;

import static dev.cutover.engine.guard.Guardrails.demoIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.engine.GuardOptions;
import dev.cutover.engine.PipelineApprovalsFile;
import dev.cutover.engine.PipelineGate;
import dev.cutover.engine.PipelineSignableGates;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipeline approvals sign a gate only by one {@code gate:<team>} line per team, so a gate signature no such line can
 * give strands the pipeline's run at that gate. The pipeline's pre-flight refuses such a plan before any step runs
 * (prepare-pipeline refuses it before committing; PreparePipelineRefusalTest).
 */
class PipelineSignableGatesTest {
    private static final String DP4 = "/phases/3/go_no_go_gate/approvers";

    @TempDir
    Path tmp;

    /** The demo, its data-plane Cutover gate (phase 4) signed by {@code teams}, each mapped to the tester. */
    private Scenario dp4SignedBy(String environment, String... teams) {
        StringBuilder config = new StringBuilder("environment: " + environment + "\n" + Guardrails.PROGRAMS
                + "poll_interval_seconds: 10\napprovers:\n  platform: [tester]\n");
        for (String team : teams) {
            if (!team.equals("platform")) {
                config.append("  \"").append(team).append("\": [tester]\n");
            }
        }
        return Scenario.demo(tmp)
                .editJson(Scenario.DP, root -> {
                    ArrayNode approvers =
                            ((ObjectNode) root.path("phases").get(3).path("go_no_go_gate")).putArray("approvers");
                    List.of(teams).forEach(approvers::add);
                })
                .config(config.toString());
    }

    private static List<Problem> unsignable(Scenario s) {
        return PipelineSignableGates.unsignable(Guardrails.planOf(s).gates());
    }

    @Test
    void aTeamWithASpaceOrAHiddenCharacterCannotBeSignedAndTheFixNamesAOneWordTeam() {
        List<Problem> problems = unsignable(dp4SignedBy("test", "platform", "sec ops", "dba\u200B"));

        assertThat(problems)
                .extracting(Problem::file, Problem::pointer)
                .containsExactly(tuple(Scenario.DP, DP4 + "/1"), tuple(Scenario.DP, DP4 + "/2"));
        assertThat(problems.get(0).message())
                .isEqualTo("the go/no-go gate of data-plane phase 4 (Cutover) (asked before dp-phase4-001-announce)"
                        + " names approver team `sec ops`, which has a space or a control character: no pipeline"
                        + " approvals line (gate:<team>) can name it, so the pipeline run would halt at that gate with"
                        + " no way to sign it");
        assertThat(problems.get(0).fix())
                .isEqualTo("rename the team as one word (e.g. `sec-ops`) in the checklist's go_no_go_gate.approvers"
                        + " and in cutover.yaml approvers");
        assertThat(problems.get(1).fix()).startsWith("rename the team as one word (e.g. `dba`) ");
    }

    @Test
    void aGateWithoutTeamsIsUnsignableOnlyWhereAGateWithTeamsIsAskedAtTheSameStep() {
        Scenario shared = demoIn(tmp.resolve("shared"), "test").editJson(Scenario.CP, root -> {
            ObjectNode gate = ((ObjectNode) root.path("phases").get(5)).putObject("go_no_go_gate");
            gate.putArray("criteria").add("the zone is delegated");
            gate.putArray("approvers");
        });
        Scenario alone = demoIn(tmp.resolve("alone"), "test")
                .editJson(
                        Scenario.DP,
                        root -> ((ObjectNode) root.path("phases").get(3).path("go_no_go_gate")).putArray("approvers"));

        assertThat(unsignable(shared)).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/phases/5/go_no_go_gate/approvers");
            assertThat(p.message())
                    .startsWith("the go/no-go gate of control-plane phase 5 (DNS Scaffolding) names no approver"
                            + " team and is asked before cp-phase6-090-target-empty with a gate whose teams"
                            + " sign there");
        });
        assertThat(unsignable(alone)).as("its one plain rule signs it").isEmpty();
        assertThat(unsignable(demoIn(tmp.resolve("demo"), "test"))).isEmpty();
    }

    @Test
    void aGateThatIsNeverAskedIsNotAnObstacle() {
        Scenario s = demoIn(tmp, "test").editJson(Scenario.DP, root -> {
            ObjectNode last = (ObjectNode) root.path("phases").get(4);
            last.putArray("post_cutover");
            ObjectNode gate = last.putObject("go_no_go_gate");
            gate.putArray("criteria").add("the error-rate dashboard stays below one percent");
            gate.putArray("approvers").add("sec ops");
        });

        assertThat(unsignable(s)).isEmpty();
    }

    /**
     * The plan of QA's stranded run: every line the generated file offers uncommented and the rehearsal on record,
     * yet team `sec ops` could never sign. The pipeline refuses before anything runs, instead of halting at the gate.
     */
    @Test
    void thePipelineRefusesARunWithAGateItCannotSignBeforeAnyStepRuns() throws Exception {
        Scenario scenario = dp4SignedBy("production", "platform", "sec ops");
        Path approvals = tmp.resolve("pipeline-approvals.txt");
        String generated = PipelineApprovalsFile.render(Guardrails.planOf(scenario), "production");
        Files.writeString(approvals, generated.replaceAll("(?m)^# (approve|handoff|gate:[^ ]+) ", "$1 "));
        Rehearsals.rehearseAndCarry(scenario, tmp.resolve("staging"));

        RunOutcome run = scenario.env("CI", "true")
                .env(PipelineGate.GATE_VARIABLE, "github-run-9-1")
                .guard(new GuardOptions(
                        Guardrails.pipelineOnlyOrg(tmp.resolve("org")), ApprovalMode.PER_STEP, approvals))
                .run(new ScriptedApprover());

        Guardrails.assertRefused(
                run,
                ErrorCode.PIPELINE_APPROVALS_REFUSED,
                "pipeline approvals could not give 1 go/no-go signature of this plan");
        assertThat(run.result().failure().problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(Scenario.DP);
            assertThat(p.pointer()).isEqualTo(DP4 + "/1");
            assertThat(p.message()).contains("team `sec ops`");
        });
    }
}
