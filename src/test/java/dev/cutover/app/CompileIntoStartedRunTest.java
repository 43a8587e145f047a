package dev.cutover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import dev.cutover.testing.Rehearsals;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A started run keeps the plan it started with (docs/commands/compile.md, "Run in progress"): once the journal holds
 * more than pre-flight failures, {@code cutover compile} writes no steps file — neither over a stored plan nor where
 * it was deleted — so a production run that passed the rehearsal gate cannot be resumed (or rolled back) with an
 * edited, unrehearsed plan. A journal of pre-flight failures only is not a started run.
 */
class CompileIntoStartedRunTest {
    private static final String COPY_CONFIG = "dp-phase3-010-copy-config";
    private static final String UNREHEARSED = "cp service/source/app.conf service/target/config/unrehearsed.conf";

    @TempDir
    Path tmp;

    private final CompileService compile = new CompileService();

    /** QA4a D7: the gate passed for plan X, a step ran, the run stopped; then an input is edited. */
    private Scenario startedProductionRunWithAnEditedInput() {
        Scenario prod = Scenario.demo(tmp.resolve("production")).config(Rehearsals.DEMO_PRODUCTION);
        Rehearsals.rehearseAndCarry(prod, tmp.resolve("staging"));
        RunOutcome stopped = prod.run(new ScriptedApprover().answer(PromptKind.APPROVE, COPY_CONFIG, Choice.ABORT));
        assertThat(stopped.verdict()).as(stopped.output()).isEqualTo("aborted");
        return prod.editItem(COPY_CONFIG, i -> i.put("command", UNREHEARSED));
    }

    @Test
    void compileRefusesToWriteADeletedStepsFileIntoAStartedRun() throws Exception {
        Scenario prod = startedProductionRunWithAnEditedInput();
        Path steps = prod.dir().resolve("execution-steps.json");
        Files.delete(steps);

        assertRefused(
                () -> compile.compileAndWrite(new RunDirectory(prod.dir()), Optional.empty()),
                "cut over from a new run directory",
                steps + " is missing, and a run has started in " + prod.dir()
                        + " (execution-log.jsonl records it): compile writes no plan into a started run");

        assertThat(steps).doesNotExist();
        assertRefused(() -> prod.resume(new ScriptedApprover()), "execution-steps.json is missing");
        assertRefused(() -> prod.rollback(new ScriptedApprover()), "execution-steps.json is missing");
        assertThat(prod.dir().resolve("service/target/config/unrehearsed.conf")).doesNotExist();
    }

    @Test
    void compileKeepsTheStoredPlanOfAStartedRunAndSaysHowToGoOn() throws Exception {
        Scenario prod = startedProductionRunWithAnEditedInput();
        Path steps = prod.dir().resolve("execution-steps.json");
        byte[] ran = Files.readAllBytes(steps);

        assertRefused(
                () -> compile.compileAndWrite(new RunDirectory(prod.dir()), Optional.empty()),
                "cut over from a new run directory",
                steps + " differs from what the inputs compile to (");

        assertThat(Files.readAllBytes(steps)).isEqualTo(ran);
    }

    @Test
    void aJournalOfPreflightFailuresOnlyIsNotAStartedRun() throws Exception {
        Scenario prod = Scenario.demo(tmp.resolve("production")).config(Rehearsals.DEMO_PRODUCTION);
        assertThat(prod.run(new ScriptedApprover()).exitCode())
                .as("no rehearsal evidence")
                .isEqualTo(3);
        Path steps = prod.dir().resolve("execution-steps.json");
        assertThat(prod.dir().resolve("execution-log.jsonl")).exists();
        assertThat(steps).doesNotExist();
        RunDirectory dir = new RunDirectory(prod.dir());

        assertThat(compile.compileAndWrite(dir, Optional.empty()).before()).isEqualTo(StepsFileState.MISSING);
        prod.editItem(COPY_CONFIG, i -> i.put("command", UNREHEARSED));
        assertThat(compile.compileAndWrite(dir, Optional.empty()).before()).isEqualTo(StepsFileState.STALE);

        assertThat(Files.readString(steps)).contains(UNREHEARSED);
    }

    private static void assertRefused(ThrowingCallable call, String... message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CutoverException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PLAN_DRIFT);
            assertThat(e.exitCode()).isEqualTo(6);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
