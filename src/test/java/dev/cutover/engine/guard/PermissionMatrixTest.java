package dev.cutover.engine.guard;

import static dev.cutover.engine.guard.Guardrails.approval;
import static dev.cutover.engine.guard.Guardrails.assertRefused;
import static dev.cutover.engine.guard.Guardrails.demoIn;
import static dev.cutover.engine.guard.Guardrails.orgFile;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.approval.PromptKind;
import dev.cutover.engine.GuardOptions;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.ApprovalMode;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The permission matrix (docs/environments.md) applied to what a run asks for: looser approval modes journal an
 * automatic {@code approved} per step they do not ask, never for a manual or destructive step; production refuses
 * answers files and every looser approval; staging warns about direct mutation.
 */
class PermissionMatrixTest {
    private static final String RUN = "cp-phase0-000-run";
    /** Reversible (rollback offered) or changing nothing: answered automatically under destructive-only. */
    private static final List<String> NOT_DESTRUCTIVE = List.of(
            "cp-phase0-001-check-source",
            "cp-phase1-010-create-target",
            "cp-phase6-090-target-empty",
            "dp-phase1-001-checksums-recorded",
            "dp-phase2-010-copy-data",
            "dp-phase4-020-final-delta",
            "dp-phase5-090-verify-checksums",
            "dp-phase5-091-read-through-live");
    /** The point of no return, no rollback, high risk and the freeze, irreversible: still asked. */
    private static final List<String> DESTRUCTIVE =
            List.of("dp-phase3-010-copy-config", "dp-phase4-010-freeze-source", "dp-phase4-030-switch-live");
    /** Manual steps: approving one certifies a person did it, so never automatic. */
    private static final List<String> MANUAL =
            List.of("cp-phase4-001-confirm-reader", "dp-phase4-001-announce", "dp-phase4-090-release-freeze");

    @TempDir
    Path tmp;

    @Test
    void aDevelopmentRunAcceptsDestructiveOnlyAndJournalsEveryAutomaticApprovalNamingTheRule() throws Exception {
        RunOutcome run = demoIn(tmp, "development")
                .guard(approval(ApprovalMode.DESTRUCTIVE_ONLY))
                .run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        NOT_DESTRUCTIVE.forEach(id -> {
            assertThat(run.asked(PromptKind.APPROVE, id)).as(id).isEmpty();
            assertThat(run.entries(id, "approved").get(0).path("notes").asText())
                    .as(id)
                    .contains("automatic approval, approval mode destructive-only")
                    .contains("development allows up to destructive-only (the built-in matrix");
            assertThat(run.entries(id, "approved").get(0).path("operator").asText())
                    .isEqualTo("tester");
        });
        DESTRUCTIVE.forEach(
                id -> assertThat(run.asked(PromptKind.APPROVE, id)).as(id).hasSize(1));
        MANUAL.forEach(
                id -> assertThat(run.asked(PromptKind.APPROVE, id)).as(id).hasSize(1));
        assertThat(run.asked(PromptKind.IRREVERSIBLE, "dp-phase4-030-switch-live"))
                .hasSize(1);
        assertThat(run.asked(PromptKind.HANDOFF, "cp-phase6-999-handoff-to-data-plane"))
                .hasSize(1);
        assertThat(run.asked(PromptKind.GO_NO_GO, RUN)).hasSize(1);
        assertThat(run.output()).contains("> approve   (automatic approval, approval mode destructive-only");
        JsonNode metadata = new ObjectMapper()
                .readTree(Files.readAllLines(run.file("execution-log.jsonl")).get(0));
        assertThat(metadata.path("approval_mode").asText())
                .as("every step still has its own approved entry")
                .isEqualTo("per-step");
    }

    @Test
    void sandboxUnattendedAsksNoStepApprovalButStillManualStepsTheHandoffGatesAndGoNoGo() {
        RunOutcome run =
                Scenario.demo(tmp).guard(approval(ApprovalMode.UNATTENDED)).run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        List.of(NOT_DESTRUCTIVE, DESTRUCTIVE)
                .forEach(ids -> ids.forEach(id -> {
                    assertThat(run.asked(PromptKind.APPROVE, id)).as(id).isEmpty();
                    assertThat(run.entries(id, "approved")).as(id).isNotEmpty();
                }));
        assertThat(run.asked(PromptKind.IRREVERSIBLE, "dp-phase4-030-switch-live"))
                .isEmpty();
        assertThat(run.entries("dp-phase4-030-switch-live", "approved"))
                .extracting(e -> e.path("notes").asText())
                .anyMatch(n ->
                        n.startsWith("irreversible re-confirmation; automatic approval, approval mode unattended"));
        MANUAL.forEach(
                id -> assertThat(run.asked(PromptKind.APPROVE, id)).as(id).hasSize(1));
        assertThat(run.asked(PromptKind.HANDOFF, "cp-phase6-999-handoff-to-data-plane"))
                .hasSize(1);
        assertThat(run.approver().asked().stream().filter(q -> q.kind() == PromptKind.GATE))
                .isNotEmpty();
    }

    @Test
    void anOrganisationThatKeepsDevelopmentPerStepRefusesDestructiveOnly() {
        Path file = orgFile(tmp.resolve("org"), "environments.yaml", """
                environments:
                  development:
                    approval: per-step
                """);

        RunOutcome run = demoIn(tmp, "development")
                .guard(new GuardOptions(file, ApprovalMode.DESTRUCTIVE_ONLY, null))
                .run(new ScriptedApprover());

        assertRefused(
                run,
                ErrorCode.APPROVAL_MODE_REFUSED,
                "--approval destructive-only refused: development (environments file " + file
                        + ") allows at most per-step");
    }

    @ParameterizedTest
    @EnumSource(
            value = ApprovalMode.class,
            names = {"DESTRUCTIVE_ONLY", "UNATTENDED"})
    void productionRefusesEveryLooserApproval(ApprovalMode mode) {
        RunOutcome run = demoIn(tmp, "production").guard(approval(mode)).run(new ScriptedApprover());

        assertRefused(run, ErrorCode.APPROVAL_MODE_REFUSED, "allows at most per-step");
    }

    @Test
    void productionRefusesAnAnswersFileBeforeAnyCheckOrQuestion() throws Exception {
        Path answers = Files.writeString(tmp.resolve("answers.txt"), "approve * approve\n");

        RunOutcome run = demoIn(tmp, "production").answersFile(answers).run(new ScriptedApprover());

        assertRefused(run, ErrorCode.ANSWERS_NOT_ALLOWED, "--answers is refused", "production");
    }

    @Test
    void anOrganisationFileCannotLowerProductionSoItsAnswersFileRuleIsAnInputError() throws Exception {
        Path file = orgFile(tmp.resolve("org"), "environments.yaml", """
                environments:
                  production:
                    answers_file: allowed
                """);
        Path answers = Files.writeString(tmp.resolve("answers.txt"), "approve * approve\n");

        RunOutcome run = demoIn(tmp, "production")
                .guard(Guardrails.org(file))
                .answersFile(answers)
                .run(new ScriptedApprover());

        assertRefused(run, ErrorCode.ORG_CONFIG_INVALID, "1 problem in " + file);
        assertThat(run.result().failure().problems())
                .singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/environments/production/answers_file"));
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void aTestRunMayUseAnAnswersFileByDefaultButNotWhenTheOrganisationRefusesIt() throws Exception {
        Path answers = Files.writeString(
                tmp.resolve("answers.txt"),
                "go-no-go * proceed\napprove * approve\nirreversible * approve\nhandoff * approve\ngate * approve\n");
        Path file = orgFile(tmp.resolve("org"), "environments.yaml", """
                environments:
                  test:
                    answers_file: refused
                """);

        RunOutcome allowed =
                demoIn(tmp.resolve("a"), "test").answersFile(answers).run(new ScriptedApprover());
        RunOutcome refused = demoIn(tmp.resolve("b"), "test")
                .guard(Guardrails.org(file))
                .answersFile(answers)
                .run(new ScriptedApprover());

        assertThat(allowed.verdict()).as(allowed.output()).isEqualTo("completed");
        assertThat(allowed.entries("cp-phase1-010-create-target", "approved")
                        .get(0)
                        .path("notes")
                        .asText())
                .contains("answers file " + answers + " line 2");
        assertRefused(refused, ErrorCode.ANSWERS_NOT_ALLOWED, "test (environments file " + file + ")");
    }

    @Test
    void stagingWarnsThatDirectMutationIsDiscouraged() {
        RunOutcome run = demoIn(tmp, "staging").run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(run.asked(PromptKind.GO_NO_GO, RUN).get(0).prompt())
                .contains("WARNING: environment: direct mutation is discouraged for staging")
                .contains("prefer `cutover prepare-pipeline`");
    }
}
