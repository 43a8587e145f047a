package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.testing.Rehearsals;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code cutover rollback} refuses before anything runs or is journaled, beyond the lock and the journal's
 * integrity: a run relabelled to another environment class.
 */
class RollbackRefusalsTest {
    private static final String FREEZE = "dp-phase4-010-freeze-source";

    @TempDir
    Path tmp;

    @Test
    void aProductionRunRelabelledSandboxIsRefusedItsRollbackFromAnAnswersFileAsItsResumeIs() throws Exception {
        Scenario prod = Scenario.demo(tmp.resolve("production")).config(Rehearsals.DEMO_PRODUCTION);
        Rehearsals.rehearseAndCarry(prod, tmp.resolve("staging"));
        RunOutcome stopped = prod.run(new ScriptedApprover().answer(PromptKind.APPROVE, FREEZE, Choice.ABORT));
        assertThat(stopped.verdict()).as(stopped.output()).isEqualTo("aborted");
        Path config = prod.dir().resolve("cutover.yaml");
        Files.writeString(config, Files.readString(config).replace("environment: production", "environment: sandbox"));
        Path answers = Files.writeString(tmp.resolve("rollback.txt"), "rollback * approve\nirreversible * approve\n");
        Path journal = prod.dir().resolve("execution-log.jsonl");
        byte[] before = Files.readAllBytes(journal);

        assertThatThrownBy(() -> prod.answersFile(answers).rollback(new ScriptedApprover()))
                .isInstanceOfSatisfying(CutoverException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ENVIRONMENT_CHANGED);
                    assertThat(e.exitCode()).isEqualTo(3);
                    assertThat(e.getMessage())
                            .contains("started under environment `production`")
                            .contains("now declares `sandbox`");
                });
        assertThat(Files.readAllBytes(journal)).as("nothing journaled").isEqualTo(before);
        assertThat(prod.dir().resolve("service/target/demo-data/orders.csv"))
                .as("nothing rolled back")
                .exists();
        assertThat(prod.dir().resolve("RUNNING.lock")).doesNotExist();
    }
}
