package dev.cutover.engine.guard;

import static dev.cutover.engine.guard.Guardrails.assertRefused;
import static dev.cutover.engine.guard.Guardrails.org;
import static dev.cutover.engine.guard.Guardrails.orgFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.error.ErrorCode;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The organisation's {@code account_name_patterns} classify AWS accounts by their alias, read with each side's
 * profile: a fake {@code aws} first on the child's PATH answers the sts probes and {@code iam
 * list-account-aliases} (source: no permission, target: {@code orders-prod}) and logs every call.
 */
class AccountAliasTest {
    @TempDir
    Path tmp;

    /** Pre-flight, the cross-check and the go/no-go summary are all these tests need: cancel there. */
    private static ScriptedApprover stopAtGoNoGo() {
        return new ScriptedApprover().answer(PromptKind.GO_NO_GO, "cp-phase0-000-run", Choice.CANCEL);
    }

    @Test
    void aSandboxRunWhoseTargetAccountIsAliasedLikeProductionRefusesNamingTheAlias() throws Exception {
        Path file = orgFile(tmp.resolve("org"), "environments.yaml", """
                environments:
                  sandbox:
                    accounts: ["000000000001"]
                  production:
                    account_name_patterns: ["*-prod"]
                """);

        RunOutcome run = Guardrails.sandboxWithAws(tmp).guard(org(file)).run(new ScriptedApprover());

        assertRefused(
                run,
                ErrorCode.ENVIRONMENT_MISMATCH,
                "target account (confirmed by aws sts get-caller-identity) 000000000002 (orders-prod) belongs to"
                        + " production");
        assertThat(Files.readAllLines(tmp.resolve("bin/calls.log")))
                .contains(
                        "iam list-account-aliases --output text --query AccountAliases[0] --profile src",
                        "iam list-account-aliases --output text --query AccountAliases[0] --profile tgt");
    }

    @Test
    void anAliasThatCannotBeReadLeavesTheAccountToItsIdAndSaysSo() {
        Path file = orgFile(tmp.resolve("org"), "environments.yaml", """
                environments:
                  sandbox:
                    accounts: ["000000000001"]
                    account_name_patterns: ["orders-*"]
                """);

        RunOutcome run = Guardrails.sandboxWithAws(tmp).guard(org(file)).run(stopAtGoNoGo());

        String goNoGo =
                run.asked(PromptKind.GO_NO_GO, "cp-phase0-000-run").get(0).prompt();
        assertThat(goNoGo)
                .contains("WARNING: environment: account_name_patterns not applied to source account (confirmed by"
                        + " aws sts get-caller-identity) 000000000001: `aws iam list-account-aliases")
                .contains("exited 254")
                .doesNotContain("production rules");
    }

    @Test
    void withoutNamePatternsNoAliasIsLookedUp() throws Exception {
        Path file = orgFile(tmp.resolve("org"), "environments.yaml", """
                environments:
                  sandbox:
                    accounts: ["000000000001", "000000000002"]
                """);

        RunOutcome run = Guardrails.sandboxWithAws(tmp).guard(org(file)).run(stopAtGoNoGo());

        assertThat(run.asked(PromptKind.GO_NO_GO, "cp-phase0-000-run"))
                .as(run.output())
                .hasSize(1);
        assertThat(Files.readAllLines(tmp.resolve("bin/calls.log"))).noneMatch(l -> l.startsWith("iam "));
    }
}
