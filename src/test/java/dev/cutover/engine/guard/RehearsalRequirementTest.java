package dev.cutover.engine.guard;

import static dev.cutover.engine.guard.Guardrails.assertRefused;
import static dev.cutover.engine.guard.Guardrails.demoIn;
import static dev.cutover.engine.guard.Guardrails.org;
import static dev.cutover.engine.guard.Guardrails.orgFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.error.ErrorCode;
import dev.cutover.testing.Rehearsals;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matrix's {@code rehearsal_required} is enforced, not only reported: a class the organisation marks so needs
 * rehearsal evidence of the same plan exactly as production does; classes that do not, do not.
 */
class RehearsalRequirementTest {
    @TempDir
    Path tmp;

    private Path orgRequiringStagingRehearsals() {
        return orgFile(tmp.resolve("org"), "environments.yaml", """
                environments:
                  staging:
                    accounts: ["000000000001", "000000000002"]
                    rehearsal_required: true
                """);
    }

    @Test
    void aStagingRunOfAClassThatRequiresRehearsalsRefusesWithoutEvidenceAndRunsWithIt() {
        Scenario staging = demoIn(tmp.resolve("run"), "staging").guard(org(orgRequiringStagingRehearsals()));

        RunOutcome refused = staging.run(new ScriptedApprover());

        assertRefused(refused, ErrorCode.REHEARSAL_MISSING, "rehearsal (required for staging): no rehearsal evidence");

        Rehearsals.rehearseAndCarry(staging, tmp.resolve("rehearsal"));
        RunOutcome ran = staging.run(new ScriptedApprover());

        assertThat(ran.verdict()).as(ran.output()).isEqualTo("completed");
        assertThat(ran.file("service/live")).isSymbolicLink();
    }

    @Test
    void aStagingRunNeedsNoEvidenceWhenItsClassDoesNotRequireIt() {
        Path file = orgFile(tmp.resolve("org"), "environments.yaml", """
                environments:
                  staging:
                    accounts: ["000000000001", "000000000002"]
                """);

        RunOutcome ran = demoIn(tmp.resolve("run"), "staging").guard(org(file)).run(new ScriptedApprover());

        assertThat(ran.verdict()).as(ran.output()).isEqualTo("completed");
        assertThat(ran.output()).doesNotContain("rehearsal");
    }
}
