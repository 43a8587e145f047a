package dev.cutover.engine.guard;

import static dev.cutover.engine.guard.Guardrails.assertRefused;
import static dev.cutover.engine.guard.Guardrails.org;
import static dev.cutover.engine.guard.Guardrails.orgFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.error.ErrorCode;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
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
    private static final String FAKE_AWS = """
            #!/bin/bash
            echo "$*" >> "$(dirname "$0")/calls.log"
            prev=""; for a in "$@"; do [ "$prev" = --profile ] && profile="$a"; prev="$a"; done
            if [ "$1 $2" = "sts get-caller-identity" ]; then
              if [ "$profile" = src ]; then echo '{"Account": "000000000001"}'; else echo '{"Account": "000000000002"}'; fi
              exit 0
            fi
            if [ "$1 $2" = "iam list-account-aliases" ]; then
              if [ "$profile" = tgt ]; then echo orders-prod; exit 0; fi
              echo "An error occurred (AccessDenied) when calling the ListAccountAliases operation" >&2
              exit 254
            fi
            exit 1
            """;

    @TempDir
    Path tmp;

    private Scenario sandboxWithAws() {
        Path bin = tmp.resolve("bin");
        Scenario.executable(bin.resolve("aws"), FAKE_AWS);
        return Scenario.demo(tmp)
                .config("environment: sandbox\nallowed_programs: [aws, bash, cat, cmp, cp, diff, grep, ln, mkdir,"
                        + " readlink, rm, sha256sum, test, touch, true]\npoll_interval_seconds: 1\n")
                .profiles("src", "tgt")
                .env("PATH", bin + ":" + System.getenv("PATH"));
    }

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

        RunOutcome run = sandboxWithAws().guard(org(file)).run(new ScriptedApprover());

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

        RunOutcome run = sandboxWithAws().guard(org(file)).run(stopAtGoNoGo());

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

        RunOutcome run = sandboxWithAws().guard(org(file)).run(stopAtGoNoGo());

        assertThat(run.asked(PromptKind.GO_NO_GO, "cp-phase0-000-run"))
                .as(run.output())
                .hasSize(1);
        assertThat(Files.readAllLines(tmp.resolve("bin/calls.log"))).noneMatch(l -> l.startsWith("iam "));
    }
}
