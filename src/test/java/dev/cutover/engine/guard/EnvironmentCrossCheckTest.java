package dev.cutover.engine.guard;

import static dev.cutover.engine.guard.Guardrails.SOURCE;
import static dev.cutover.engine.guard.Guardrails.TARGET;
import static dev.cutover.engine.guard.Guardrails.assertRefused;
import static dev.cutover.engine.guard.Guardrails.org;
import static dev.cutover.engine.guard.Guardrails.orgFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.approval.PromptKind;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.OrgConfigLoader;
import dev.cutover.testing.Rehearsals;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The environment cross-check (docs/environments.md): the run's accounts — as the identity probe confirms them —
 * and the systems the organisation's probe reports must belong to the class cutover.yaml declares. A fake
 * {@code aws} first on the child's PATH answers the sts probes for profiles src/tgt and logs every call.
 */
class EnvironmentCrossCheckTest {
    @TempDir
    Path tmp;

    @Test
    void aSandboxRunAgainstAnAccountMappedToProductionRefusesNamingBoth() throws Exception {
        Path file = orgFile(tmp.resolve("org"), "environments.yaml", """
                environments:
                  sandbox:
                    accounts: ["000000000001"]
                  production:
                    accounts: ["000000000002"]
                """);

        RunOutcome run = Guardrails.sandboxWithAws(tmp).guard(org(file)).run(new ScriptedApprover());

        assertRefused(
                run,
                ErrorCode.ENVIRONMENT_MISMATCH,
                "cutover.yaml declares sandbox",
                "target account (confirmed by aws sts get-caller-identity) " + TARGET + " belongs to production",
                file + " /environments/production/accounts/0");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(Files.readAllLines(tmp.resolve("bin/calls.log")))
                .as("the accounts were probed before they were classified")
                .anyMatch(l -> l.startsWith("sts get-caller-identity") && l.contains("--profile tgt"));
    }

    @Test
    void aNonAwsSystemIsClassifiedByTheOrganisationsProbeAndItsNamePattern() {
        Path file = orgFile(tmp.resolve("org"), "environments.yaml", """
                identity_probe: "echo 'lab-7 Orders-PROD'"
                environments:
                  sandbox:
                    accounts: ["000000000001", "000000000002"]
                  production:
                    account_name_patterns: ["*-prod"]
                """);

        RunOutcome run = Scenario.demo(tmp).guard(org(file)).run(new ScriptedApprover());

        assertRefused(
                run,
                ErrorCode.ENVIRONMENT_MISMATCH,
                "system (identity_probe) lab-7 (Orders-PROD) belongs to production",
                "/environments/production/account_name_patterns");
    }

    @Test
    void aProbeThatPrintsNoIdRefusesTheRun() {
        Path file = orgFile(tmp.resolve("org"), "environments.yaml", "identity_probe: \"true\"\n");

        RunOutcome run = Scenario.demo(tmp).guard(org(file)).run(new ScriptedApprover());

        assertRefused(run, ErrorCode.IDENTITY_MISMATCH, "identity_probe `true` printed no `ID [NAME]` line");
    }

    @Test
    void anAccountTheOrganisationDoesNotKnowBringsProductionRulesSoASandboxAnswersFileIsRefused() throws Exception {
        Path file = orgFile(tmp.resolve("org"), "environments.yaml", """
                environments:
                  sandbox:
                    accounts: ["000000000001"]
                """);
        Path answers = Files.writeString(tmp.resolve("answers.txt"), "approve * approve\n");

        RunOutcome run =
                Scenario.demo(tmp).guard(org(file)).answersFile(answers).run(new ScriptedApprover());

        assertRefused(run, ErrorCode.ANSWERS_NOT_ALLOWED, "sandbox with production rules (not mapped: " + TARGET + ")");
    }

    @Test
    void anUnknownAccountBringsProductionRulesSoTheRunNeedsRehearsalEvidenceAndIsNamedInTheGoNoGoWarnings() {
        Path file = orgFile(tmp.resolve("org"), "environments.yaml", """
                environments:
                  sandbox:
                    accounts: ["000000000001"]
                """);
        // Poll interval and approvers any class accepts, so the staging rehearsal copy is valid too.
        Scenario scenario = Guardrails.demoIn(tmp.resolve("run"), "sandbox").guard(org(file));

        RunOutcome refused = scenario.run(new ScriptedApprover());

        assertRefused(
                refused,
                ErrorCode.REHEARSAL_MISSING,
                "rehearsal (required for sandbox with production rules (not mapped: " + TARGET + ")): no rehearsal");

        Rehearsals.rehearseAndCarry(scenario, tmp.resolve("staging"));
        RunOutcome run = scenario.run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        String goNoGo =
                run.asked(PromptKind.GO_NO_GO, "cp-phase0-000-run").get(0).prompt();
        assertThat(goNoGo)
                .contains("| sandbox with production rules (not mapped: " + TARGET + ") |")
                .contains("WARNING: environment: not mapped in the organisation's file, so production rules apply")
                .contains("direct mutation is discouraged");
    }

    @Test
    void everyPromptHeaderRestatesEnvironmentProfilesRegionAccountsAndBlastRadius() {
        RunOutcome run = Scenario.demo(tmp).profiles("src", "tgt").run(new ScriptedApprover());

        String prompt = run.asked(PromptKind.APPROVE, "cp-phase1-010-create-target")
                .get(0)
                .prompt();
        assertThat(prompt.lines().findFirst().orElseThrow())
                .isEqualTo("[run demo | sandbox | profiles src -> tgt | region local | accounts " + SOURCE + " -> "
                        + TARGET + " | blast radius 1 resource(s), teams platform]");
        assertThat(run.asked(PromptKind.GO_NO_GO, "cp-phase0-000-run").get(0).prompt())
                .as("restated before the first mutation")
                .startsWith("[run demo | sandbox | profiles src -> tgt | region local");
    }

    @Test
    void theOrgConfigFlagWinsOverTheEnvironmentVariable() {
        Path production = orgFile(tmp.resolve("org"), "production.yaml", """
                environments:
                  production:
                    accounts: ["000000000001", "000000000002"]
                """);
        Path sandbox = orgFile(tmp.resolve("org"), "sandbox.yaml", """
                environments:
                  sandbox:
                    accounts: ["000000000001", "000000000002"]
                """);

        RunOutcome byVariable = Scenario.demo(tmp.resolve("a"))
                .env(OrgConfigLoader.ENV_VARIABLE, production.toString())
                .run(new ScriptedApprover());
        RunOutcome flagWins = Scenario.demo(tmp.resolve("b"))
                .env(OrgConfigLoader.ENV_VARIABLE, production.toString())
                .guard(org(sandbox))
                .run(new ScriptedApprover());

        assertRefused(byVariable, ErrorCode.ENVIRONMENT_MISMATCH, production.toString());
        assertThat(flagWins.verdict()).as(flagWins.output()).isEqualTo("completed");
    }
}
