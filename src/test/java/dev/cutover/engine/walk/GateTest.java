package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.error.ErrorCode;
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
 * Go/no-go gates are enforced (issue 5): asked before the phase's first step, once per approver team, signed only
 * by operators cutover.yaml lists for the team, journaled, and a refusal halts the run.
 */
class GateTest {
    private static final String PROGRAMS = "allowed_programs: [bash, cat, cmp, cp, diff, grep, ln, mkdir, readlink,"
            + " rm, sha256sum, test, touch, true]\n";
    private static final String SANDBOX = "environment: sandbox\n" + PROGRAMS + "poll_interval_seconds: 1\n";
    private static final String DP4_FIRST = "dp-phase4-001-announce";
    private static final String CP6_FIRST = "cp-phase6-090-target-empty";
    private static final String RUN = "cp-phase0-000-run";

    @TempDir
    Path tmp;

    /** The demo with its data-plane Cutover gate signed by two teams. */
    private Scenario twoTeams(String config) {
        return Scenario.demo(tmp)
                .editJson(Scenario.DP, root -> {
                    ArrayNode approvers = (ArrayNode)
                            root.path("phases").get(3).path("go_no_go_gate").path("approvers");
                    approvers.add("dba");
                })
                .config(config);
    }

    private static List<String> signatures(RunOutcome run) {
        return run.entries(RUN, "approved").stream()
                .map(e -> e.path("notes").asText())
                .filter(n -> n.startsWith("gate "))
                .toList();
    }

    @Test
    void eachApproverTeamSignsSeparatelyBeforeThePhasesFirstStepAfterEveryEarlierStepFinished() {
        RunOutcome run = twoTeams(SANDBOX + "approvers:\n  platform: [tester]\n  dba: [tester]\n")
                .run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        List<Question> asked = run.asked(PromptKind.GATE, DP4_FIRST);
        assertThat(asked).hasSize(2);
        assertThat(asked.get(0).prompt())
                .contains(
                        "GO/NO-GO for data-plane phase 4 (Cutover)",
                        "service/copy-job.state is SUCCESS",
                        "team platform as tester");
        assertThat(asked.get(1).prompt()).contains("team dba as tester");
        assertThat(signatures(run))
                .contains(
                        "gate dp4 (Cutover): signed for team platform; scripted by test",
                        "gate dp4 (Cutover): signed for team dba; scripted by test");
        List<String> timeline = run.timeline();
        int signed = timeline.lastIndexOf(RUN + " approved");
        assertThat(timeline.indexOf("dp-phase3-010-copy-config step-succeeded")).isLessThan(signed);
        assertThat(timeline.indexOf(DP4_FIRST + " step-started")).isGreaterThan(signed);
        assertThat(run.asked(PromptKind.APPROVE, DP4_FIRST).get(0).prompt()).doesNotContain("GO/NO-GO");
        assertThat(run.result().warnings()).noneMatch(w -> w.contains("may not sign"));
    }

    @Test
    void eachTeamsSignatureIsAQuestionOfItsOwnThatCarriesTheTeamSoOneTeamsAnswerNeverSignsForAnother() {
        RunOutcome run = twoTeams(SANDBOX + "approvers:\n  platform: [tester]\n  dba: [tester]\n")
                .run(new ScriptedApprover().answerGate("dba", DP4_FIRST, Choice.ABORT));

        assertThat(run.asked(PromptKind.GATE, DP4_FIRST))
                .extracting(Question::team, Question::wireName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("platform", "gate:platform"),
                        org.assertj.core.groups.Tuple.tuple("dba", "gate:dba"));
        assertThat(run.verdict()).isEqualTo("halted");
        assertThat(run.result().ending().haltReason()).contains("refused for team dba");
        assertThat(signatures(run))
                .contains("gate dp4 (Cutover): signed for team platform; scripted by test")
                .noneMatch(n -> n.contains("team dba"));
    }

    @Test
    void anAnswersFileSignsEachTeamFromTheFirstRuleForItAndTheJournalNamesThatRule() throws Exception {
        Path answers = Files.writeString(tmp.resolve("answers.txt"), """
                go-no-go       cp-phase0-000-run        proceed
                gate:dba       dp-phase4-001-announce   abort
                gate           *                        approve
                approve        *                        approve
                irreversible   *                        approve
                handoff        *                        approve
                """);

        RunOutcome run = twoTeams(SANDBOX + "approvers:\n  platform: [tester]\n  dba: [tester]\n")
                .answersFile(answers)
                .run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("halted");
        assertThat(run.result().ending().haltReason()).contains("refused for team dba");
        assertThat(signatures(run))
                .contains("gate dp4 (Cutover): signed for team platform; answers file " + answers
                        + " line 3 (gate * approve: a plain gate rule answers every team)");
        assertThat(run.entries(RUN, "aborted"))
                .extracting(e -> e.path("notes").asText())
                .singleElement()
                .asString()
                .startsWith("gate dp4: go/no-go gate of data-plane phase 4 (Cutover) refused for team dba")
                .endsWith("answers file " + answers + " line 2 (gate:dba dp-phase4-001-announce abort)");
    }

    @Test
    void anOperatorNotListedForATeamCannotSignAndAListedOneContinuesWithResume() {
        Scenario s = twoTeams(SANDBOX + "approvers:\n  platform: [tester]\n  dba: [carol]\n");

        RunOutcome halted = s.run(new ScriptedApprover());

        assertThat(halted.verdict()).isEqualTo("halted");
        assertThat(halted.result().ending().haltReason())
                .contains("operator tester may not sign", "for team dba", "lists carol", "--resume");
        assertThat(halted.events(DP4_FIRST)).isEmpty();
        assertThat(halted.result().warnings())
                .as("pre-flight said so before anything ran")
                .contains("gates: tester may not sign for team dba (data-plane phase 4: carol): the run halts at"
                        + " each such gate until one of them continues it with --resume");
        assertThat(signatures(halted))
                .contains("gate dp4 (Cutover): signed for team platform; scripted by test")
                .noneMatch(n -> n.contains("team dba"));

        RunOutcome resumed = s.env("USER", "carol").resume(new ScriptedApprover());

        assertThat(resumed.verdict()).as(resumed.output()).isEqualTo("completed");
        assertThat(resumed.result().warnings())
                .as("platform's signature is in the journal: carol is not asked for it, so no warning")
                .noneMatch(w -> w.contains("may not sign"));
        assertThat(resumed.asked(PromptKind.GATE, DP4_FIRST))
                .singleElement()
                .satisfies(q -> assertThat(q.prompt()).contains("team dba as carol"));
        JsonNode dba = resumed.entries(RUN, "approved").stream()
                .filter(e -> e.path("notes").asText().contains("team dba"))
                .findFirst()
                .orElseThrow();
        assertThat(dba.path("operator").asText()).isEqualTo("carol");
    }

    @Test
    void aRefusedGateHaltsTheRunBeforeThePhaseStarts() {
        RunOutcome run = twoTeams(SANDBOX).run(new ScriptedApprover().answer(PromptKind.GATE, DP4_FIRST, Choice.ABORT));

        assertThat(run.verdict()).isEqualTo("halted");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.result().ending().haltReason()).contains("refused for team platform");
        assertThat(run.entries(RUN, "aborted").get(0).path("notes").asText()).startsWith("gate dp4:");
        assertThat(run.events(DP4_FIRST)).isEmpty();
    }

    @Test
    void outsideProductionAnUnmappedTeamMaySignWithAWarning() {
        RunOutcome run = twoTeams(SANDBOX).run(new ScriptedApprover());

        assertThat(run.verdict()).isEqualTo("completed");
        assertThat(run.asked(PromptKind.GATE, CP6_FIRST).get(0).prompt())
                .contains("WARNING: cutover.yaml maps no operators to team platform");
        assertThat(run.result().warnings())
                .anyMatch(w -> w.contains("approver teams without operators in cutover.yaml approvers: dba, platform"));
    }

    @Test
    void productionRefusesAtPreflightWhenAGateTeamHasNoOperators() {
        Scenario s = twoTeams("environment: production\n" + PROGRAMS + "approvers:\n  platform: [tester]\n");

        RunOutcome run = s.run(new ScriptedApprover());

        assertThat(run.verdict()).isEqualTo("failed");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.result().failure().code()).isEqualTo(ErrorCode.GATE_APPROVERS_MISSING);
        assertThat(run.result().failure().getMessage())
                .contains("dba")
                .doesNotContain("platform")
                .doesNotContain("there is no cutover.yaml");
        assertThat(run.result().failure().problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("cutover.yaml");
            assertThat(p.pointer()).isEqualTo("/approvers/dba");
            assertThat(p.message()).endsWith("signs the go/no-go gate of data-plane phase 4");
            assertThat(p.fix())
                    .startsWith("add `dba: [<operator>, ...]` under `approvers:`")
                    // The order OperatorIdentity applies: the fix once named git's user.name, which is never used.
                    .endsWith("$USER, else `git config --global user.email`)");
        });
    }

    @Test
    void productionNamesTheChecklistFieldOfAGateWithoutApproverTeams() {
        Scenario s = Scenario.demo(tmp)
                .editJson(
                        Scenario.DP,
                        root -> ((ObjectNode) root.path("phases").get(3).path("go_no_go_gate")).putArray("approvers"))
                .config("environment: production\n" + PROGRAMS + "approvers:\n  platform: [tester]\n");

        RunOutcome run = s.run(new ScriptedApprover());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.result().failure().getMessage()).contains("gates without approver teams: data-plane phase 4");
        assertThat(run.result().failure().problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("cutover-checklist-data-plane.json");
            assertThat(p.pointer()).isEqualTo("/phases/3/go_no_go_gate/approvers");
        });
    }

    @Test
    void withoutCutoverYamlTheRefusalSaysThatProductionsRulesApplyBecauseOfIt() throws Exception {
        Scenario s = twoTeams(SANDBOX).profiles("source", "target");
        Files.delete(s.dir().resolve("cutover.yaml"));

        RunOutcome run = s.run(new ScriptedApprover());

        assertThat(run.exitCode()).as(String.valueOf(run.result().failure())).isEqualTo(3);
        assertThat(run.result().failure().code()).isEqualTo(ErrorCode.GATE_APPROVERS_MISSING);
        assertThat(run.result().failure().getMessage())
                .contains("there is no cutover.yaml in " + s.dir() + ": a run without one has production's rules")
                .contains("approver teams without operators in cutover.yaml approvers: dba, platform");
        assertThat(run.result().failure().problems())
                .extracting(p -> p.pointer())
                .containsExactly("/approvers/dba", "/approvers/platform");
    }

    @Test
    void inProductionEveryTeamMappedRunsWithEachTeamSigning() {
        Scenario s = twoTeams(
                "environment: production\n" + PROGRAMS + "approvers:\n  platform: [tester]\n  dba: [tester, dave]\n");
        // Production also needs a successful rehearsal of this plan on record (issue 5, RehearsalGateTest).
        Rehearsals.rehearseAndCarry(s, tmp.resolve("staging"));

        RunOutcome run = s.run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(signatures(run)).hasSize(3); // cp6 for platform, dp4 for platform and dba
    }

    @Test
    void aResumeDoesNotAskATeamThatAlreadySigned() {
        Scenario s = twoTeams(SANDBOX).profiles("source", "target");
        s.run(new ScriptedApprover().answer(PromptKind.GATE, DP4_FIRST, Choice.APPROVE, Choice.ABORT));

        RunOutcome resumed = s.resume(new ScriptedApprover());

        assertThat(resumed.verdict()).as(resumed.output()).isEqualTo("completed");
        assertThat(resumed.result().warnings())
                .as("platform's signature is in the journal: carol is not asked for it, so no warning")
                .noneMatch(w -> w.contains("may not sign"));
        assertThat(resumed.asked(PromptKind.GATE, DP4_FIRST))
                .singleElement()
                .satisfies(q -> assertThat(q.prompt()).contains("team dba"));
    }

    private static final String HANDOFF = "cp-phase6-999-handoff-to-data-plane";

    private static ObjectNode gate(ObjectNode phase, String criterion) {
        ObjectNode gate = phase.putObject("go_no_go_gate");
        gate.putArray("criteria").add(criterion);
        gate.putArray("approvers").add("platform");
        return gate;
    }

    @Test
    void aGateOnAPhaseWhoseOnlyStepIsTheHandoffIsAskedBeforeTheHandoff() {
        RunOutcome run = Scenario.demo(tmp)
                .editJson(Scenario.CP, root -> ((ObjectNode) root.path("phases").get(6)).putArray("post_cutover"))
                .config(SANDBOX)
                .run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(run.asked(PromptKind.GATE, HANDOFF))
                .singleElement()
                .satisfies(q -> assertThat(q.prompt()).contains("GO/NO-GO for control-plane phase 6"));
        List<String> timeline = run.timeline();
        List<String> beforeHandoff = timeline.subList(0, timeline.indexOf(HANDOFF + " step-started"));
        assertThat(beforeHandoff.lastIndexOf(RUN + " approved"))
                .as("signed after the last control-plane step, before the handoff starts")
                .isGreaterThan(beforeHandoff.indexOf("cp-phase4-001-confirm-reader step-succeeded"));
        assertThat(signatures(run)).anyMatch(n -> n.startsWith("gate cp6 (Control Plane Validation): signed"));
    }

    @Test
    void aGateOnAPhaseWithoutStepsIsAskedBeforeTheFirstStepOfALaterPhaseOfItsPlaneInChecklistOrder() {
        RunOutcome run = Scenario.demo(tmp)
                .editJson(
                        Scenario.CP,
                        root -> gate((ObjectNode) root.path("phases").get(5), "the zone is delegated"))
                .config(SANDBOX)
                .run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        List<Question> asked = run.asked(PromptKind.GATE, CP6_FIRST);
        assertThat(asked).hasSize(2);
        assertThat(asked.get(0).prompt()).contains("GO/NO-GO for control-plane phase 5 (DNS Scaffolding)");
        assertThat(asked.get(1).prompt()).contains("GO/NO-GO for control-plane phase 6 (Control Plane Validation)");
        assertThat(signatures(run)).anyMatch(n -> n.startsWith("gate cp5 (DNS Scaffolding): signed for team platform"));
    }

    @Test
    void aGateThatNoStepFollowsInItsPlaneIsNeverAskedAndEveryCompileSaysSo() {
        RunOutcome run = Scenario.demo(tmp)
                .editJson(Scenario.DP, root -> {
                    ObjectNode last = (ObjectNode) root.path("phases").get(4);
                    last.putArray("post_cutover");
                    gate(last, "dashboards are green");
                })
                .config(SANDBOX)
                .run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(signatures(run)).noneMatch(n -> n.startsWith("gate dp5"));
        assertThat(run.result().warnings())
                .anyMatch(w -> w.contains("the go/no-go gate of data-plane phase 5 (Data Validation) is never asked")
                        && w.contains("/phases/4/go_no_go_gate"));
    }
}
