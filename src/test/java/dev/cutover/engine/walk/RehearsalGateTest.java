package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.rehearsal.RehearsalEvidence;
import dev.cutover.testing.Rehearsals;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rehearsals as evidence (issue 5's acceptance): a run directory with two go/no-go gates and an irreversible swap
 * (the demo, in production); production execute refuses before a rehearsal of the same plan is on record, and runs
 * after the evidence of a staging rehearsal is carried into it.
 */
class RehearsalGateTest {
    private static final String PRODUCTION = Rehearsals.DEMO_PRODUCTION;

    private static final String RUN = "cp-phase0-000-run";

    @TempDir
    Path tmp;

    private Scenario production() {
        return Scenario.demo(tmp.resolve("production")).config(PRODUCTION);
    }

    @Test
    void productionExecuteRefusesBeforeTheRehearsalAndRunsAfterIt() throws Exception {
        Scenario prod = production();

        RunOutcome refused = prod.run(new ScriptedApprover());

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.result().failure().code()).isEqualTo(ErrorCode.REHEARSAL_MISSING);
        assertThat(refused.result().failure().getMessage())
                .startsWith("rehearsal (required for production): no rehearsal evidence: neither"
                        + " rehearsal-evidence.json nor rehearsals/*.json is in this run directory (this plan's"
                        + " identity: ");
        assertThat(ErrorCode.REHEARSAL_MISSING.fix()).contains("cutover rehearse");
        assertThat(prod.dir().resolve("service/target")).doesNotExist();

        Rehearsals.Outcome rehearsal =
                Rehearsals.rehearse(Rehearsals.stagingCopy(prod, tmp.resolve("staging")), new ScriptedApprover());
        assertThat(rehearsal.result().exitCode()).as(rehearsal.run().output()).isZero();
        assertThat(rehearsal.result().verified().claims().path("environment").asText())
                .isEqualTo("staging");
        assertThat(Files.readSymbolicLink(tmp.resolve("staging/service/live")))
                .as("the staging rehearsal rolled its own swap back")
                .isEqualTo(Path.of("source", "demo-data"));
        Rehearsals.carry(rehearsal.evidence(), prod.dir());

        RunOutcome ran = prod.run(new ScriptedApprover());

        assertThat(ran.verdict()).as(ran.output()).isEqualTo("completed");
        assertThat(ran.asked(PromptKind.GATE, "cp-phase6-090-target-empty")).hasSize(1);
        assertThat(ran.asked(PromptKind.GATE, "dp-phase4-001-announce")).hasSize(1);
        assertThat(ran.asked(PromptKind.IRREVERSIBLE, "dp-phase4-030-switch-live"))
                .isNotEmpty();
        assertThat(ran.entries(RUN, "lock-acquired").get(0).path("notes").asText())
                .contains("environment production");
        assertThat(Files.readSymbolicLink(prod.dir().resolve("service/live")))
                .isEqualTo(Path.of("target", "demo-data"));
    }

    @Test
    void evidenceOfAChangedPlanIsRefusedNamingBothIdentities() {
        Scenario prod = production();
        Scenario staging = Rehearsals.stagingCopy(prod, tmp.resolve("staging"))
                .editItem(
                        "dp-phase3-010-copy-config",
                        i -> i.put("command", "cp -p service/source/app.conf service/target/config/app.conf"));
        Rehearsals.carry(Rehearsals.rehearse(staging, new ScriptedApprover()).evidence(), prod.dir());

        RunOutcome refused = prod.run(new ScriptedApprover());

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.result().failure().getMessage())
                .contains("rehearsal-evidence.json: a rehearsal of a different plan (evidence ")
                .contains(", this plan ");
    }

    @Test
    void aRehearsalThatLeftARollbackUnexercisedIsRefusedNamingTheStep() {
        Scenario prod = production();
        Rehearsals.Outcome failed = Rehearsals.rehearse(
                Rehearsals.stagingCopy(prod, tmp.resolve("staging")),
                new ScriptedApprover().answer(PromptKind.ROLLBACK, "dp-phase2-010-copy-data", Choice.SKIP));
        assertThat(failed.result().exitCode()).isEqualTo(1);
        Rehearsals.carry(failed.evidence(), prod.dir());

        RunOutcome refused = prod.run(new ScriptedApprover());

        assertThat(refused.result().failure().getMessage())
                .contains("rehearsal-evidence.json: the rehearsal did not succeed: rollbacks not exercised:"
                        + " dp-phase2-010-copy-data (remains)");
    }

    @Test
    void editedEvidenceIsRefusedNamingTheFailedCheckAndGoodEvidenceInRehearsalsAlsoCounts() throws Exception {
        Scenario prod = production();
        Path evidence = Rehearsals.rehearseAndCarry(prod, tmp.resolve("staging"));
        String text = Files.readString(evidence);
        assertThat(text).contains("\"execute_ms\": ");
        Files.writeString(evidence, text.replaceFirst("\"execute_ms\": (\\d+)", "\"execute_ms\": 1$1"));

        RunOutcome refused = prod.run(new ScriptedApprover());

        assertThat(refused.result().failure().getMessage())
                .contains(
                        "rehearsal-evidence.json: evidence invalid (claims check failed: claims.steps[0].execute_ms:");

        Files.createDirectories(prod.dir().resolve(RehearsalEvidence.FOLDER));
        Files.writeString(prod.dir().resolve("rehearsals/staging-2026-03-02.json"), text);
        RunOutcome ran = prod.run(new ScriptedApprover());
        assertThat(ran.verdict()).as(ran.output()).isEqualTo("completed");
    }

    @Test
    void resumingAStartedProductionRunNeedsNoNewEvidenceButAJournalOfPreflightFailuresStartsFreshAndDoes()
            throws Exception {
        Scenario prod = production();
        assertThat(prod.run(new ScriptedApprover()).exitCode()).isEqualTo(3);
        assertThatResumeStillRefuses(prod);

        Path evidence = Rehearsals.rehearseAndCarry(prod, tmp.resolve("staging"));
        RunOutcome halted =
                prod.run(new ScriptedApprover().answer(PromptKind.APPROVE, "dp-phase3-010-copy-config", Choice.ABORT));
        assertThat(halted.verdict()).isEqualTo("aborted");
        Files.delete(evidence);

        RunOutcome resumed = prod.resume(new ScriptedApprover());

        assertThat(resumed.verdict()).as(resumed.output()).isEqualTo("completed");
    }

    @Test
    void aRunStartedInSandboxIsNeitherResumedAsProductionNorLetPastTheRehearsalGate() throws Exception {
        Scenario run = Scenario.demo(tmp.resolve("started-in-sandbox"));
        RunOutcome halted =
                run.run(new ScriptedApprover().answer(PromptKind.APPROVE, "dp-phase3-010-copy-config", Choice.ABORT));
        assertThat(halted.verdict()).isEqualTo("aborted");
        Path journal = run.dir().resolve("execution-log.jsonl");
        long before = Files.size(journal);
        run.config(PRODUCTION);

        assertThatThrownBy(() -> run.resume(new ScriptedApprover()))
                .isInstanceOf(CutoverException.class)
                .satisfies(e -> assertThat(((CutoverException) e).exitCode()).isEqualTo(3))
                .satisfies(e -> assertThat(((CutoverException) e).code()).isEqualTo(ErrorCode.ENVIRONMENT_CHANGED))
                .hasMessageContaining("this run started under environment `sandbox` (execution-log.jsonl entry e")
                .hasMessageContaining("cutover.yaml now declares `production`")
                .hasMessageContaining("set `environment: sandbox` again");
        assertThat(Files.size(journal)).as("nothing journaled").isEqualTo(before);
        assertThat(Files.readSymbolicLink(run.dir().resolve("service/live")))
                .as("the swap did not run")
                .isEqualTo(Path.of("source", "demo-data"));
    }

    private static void assertThatResumeStillRefuses(Scenario prod) {
        RunOutcome again = prod.resume(new ScriptedApprover());
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.result().failure().code()).isEqualTo(ErrorCode.REHEARSAL_MISSING);
    }

    @Test
    void aRehearsalStoppedInItsRollbackContinuesWithResumeAndThenCounts() {
        Scenario prod = production();
        Scenario staging = Rehearsals.stagingCopy(prod, tmp.resolve("staging"));
        Rehearsals.Outcome stopped = Rehearsals.rehearse(
                staging,
                new ScriptedApprover()
                        .answer(PromptKind.IRREVERSIBLE, "dp-phase4-030-switch-live", Choice.APPROVE, Choice.ABORT));
        assertThat(stopped.result().exitCode()).isEqualTo(5);
        assertThat(stopped.result().verified().claims().path("reasons").toString())
                .contains("rollbacks not exercised: cp-phase1-010-create-target (not-reached), dp-phase2-010-copy-data"
                        + " (not-reached), dp-phase4-010-freeze-source (not-reached), dp-phase4-020-final-delta"
                        + " (not-reached), dp-phase4-030-switch-live (not-finished)");

        Rehearsals.Outcome resumed = Rehearsals.rehearse(staging, new ScriptedApprover(), true);

        assertThat(resumed.result().execute())
                .as("the execute had completed: not run again")
                .isNull();
        assertThat(resumed.result().exitCode()).as(resumed.run().output()).isZero();
        Rehearsals.carry(resumed.evidence(), prod.dir());
        assertThat(prod.run(new ScriptedApprover()).verdict()).isEqualTo("completed");
    }

    @Test
    void rehearseRefusesAProductionRunDirectoryBeforeAnythingRuns() {
        Scenario prod = production();

        assertThatThrownBy(() -> Rehearsals.rehearse(prod, new ScriptedApprover()))
                .isInstanceOfSatisfying(CutoverException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REHEARSAL_NOT_ALLOWED);
                    assertThat(e.exitCode()).isEqualTo(3);
                });
        assertThat(prod.dir().resolve("execution-log.jsonl")).doesNotExist();
    }

    @Test
    void theEvidenceRecordsIdentityEnvironmentTimingsAndRollbacks() throws Exception {
        Scenario prod = production();
        Rehearsals.Outcome r =
                Rehearsals.rehearse(Rehearsals.stagingCopy(prod, tmp.resolve("staging")), new ScriptedApprover());

        JsonNode claims = new ObjectMapper().readTree(r.evidence().toFile()).path("claims");

        assertThat(claims.path("outcome").asText()).isEqualTo("succeeded");
        assertThat(claims.path("environment").asText()).isEqualTo("staging");
        assertThat(claims.path("run_id").asText()).isEqualTo("demo");
        assertThat(claims.path("tool_version").asText()).isEqualTo("test-version");
        assertThat(claims.path("rollbacks_expected").asInt()).isEqualTo(5);
        assertThat(claims.path("rollbacks_exercised").asInt()).isEqualTo(5);
        JsonNode swap = claims.path("steps").get(11);
        assertThat(swap.path("step_id").asText()).isEqualTo("dp-phase4-030-switch-live");
        assertThat(swap.path("execute").asText()).isEqualTo("succeeded");
        assertThat(swap.path("rollback").asText()).isEqualTo("rolled-back");
        assertThat(swap.path("execute_ms").isIntegralNumber()).isTrue();
        assertThat(swap.path("rollback_ms").isIntegralNumber()).isTrue();
        JsonNode config = null;
        for (JsonNode step : claims.path("steps")) {
            if (step.path("step_id").asText().equals("dp-phase3-010-copy-config")) {
                config = step;
            }
        }
        assertThat(config).as("the config copy is in the claims").isNotNull();
        assertThat(config.path("rollback").asText()).isEqualTo("no-rollback-command");
    }
}
