package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.app.CompileService;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On {@code execute --resume} the journal says what was approved (docs/resume.md, "Before anything runs"): when
 * the plan now gives a step another command than its last approval bound to, the resume is refused with exit 6
 * before the journal is touched — even when {@code execution-steps.json} was recompiled from the edited inputs,
 * so that the stored-plan check passes.
 */
class ResumeApprovedCommandTest {
    private static final String JOB_STEP = "dp-phase2-010-copy-data";
    private static final String COPY_CONFIG = "dp-phase3-010-copy-config";
    private static final String CREATE = "cp-phase1-010-create-target";
    private static final String LABEL_STEP = "dp-phase3-020-label-config";

    /** What nobody approved: it leaves a mark when it runs. */
    private static final String EDITED_JOB = """
            echo edited >> service/edited-ran
            echo '{"JobId":"job-8"}'
            """;

    @TempDir
    Path tmp;

    private Scenario completedJobDemo() {
        return JobDemo.completed(JobDemo.prepared(tmp).file("service/edited-job.sh", EDITED_JOB));
    }

    /** What an operator does to get past the stored-plan check: the steps file recompiled from the edited inputs. */
    private static void recompileStepsFile(Scenario s) throws IOException {
        byte[] steps = new CompileService()
                .compileInMemory(new RunDirectory(s.dir()), Optional.empty())
                .stepsJson();
        Files.write(s.dir().resolve("execution-steps.json"), steps);
    }

    private static void assertRefusedLeavingTheJournalAlone(Scenario s, String step, String approved, String now)
            throws IOException {
        Path journal = s.dir().resolve("execution-log.jsonl");
        byte[] before = Files.readAllBytes(journal);

        assertThatThrownBy(() -> s.resume(new ScriptedApprover().answer(PromptKind.FAILURE, step, Choice.RETRY)))
                .isInstanceOfSatisfying(CutoverException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PLAN_DRIFT);
                    assertThat(e.code().exitCode()).isEqualTo(6);
                    assertThat(e.getMessage()).contains(step, approved, now, "new run directory");
                });
        assertThat(Files.readAllBytes(journal)).isEqualTo(before);
        assertThat(s.dir().resolve("RUNNING.lock")).doesNotExist();
    }

    /** The reviewer's reproduction: re-attached job, failure state, Retry in the failure dialog. */
    @Test
    void anEditedCommandOfAJobInFlightRefusesTheResumeInsteadOfRunningOnARetry() throws IOException {
        Scenario s = completedJobDemo().crashAfter(JOB_STEP, "poll-tick");
        s.file("service/poll-states", "RUNNING\nERROR\nSUCCESS\n");
        s.editItem(JOB_STEP, i -> i.put("command", "bash service/edited-job.sh"));
        recompileStepsFile(s);

        assertRefusedLeavingTheJournalAlone(s, JOB_STEP, "bash service/start-job.sh", "bash service/edited-job.sh");
        assertThat(s.dir().resolve("service/edited-ran")).doesNotExist();
    }

    @Test
    void anEditedCommandOfAnOrdinaryStepInFlightRefusesTheResume() throws IOException {
        Scenario s = Scenario.demo(tmp);
        assertThat(s.run(new ScriptedApprover()).verdict()).isEqualTo("completed");
        s.crashAfter(COPY_CONFIG, "approved", 2); // after the crossing: the copy may have run
        Files.delete(s.dir().resolve("service/target/config/app.conf")); // its re-verify would fail: retry offered
        s.editItem(COPY_CONFIG, i -> i.put("command", "cp service/source/app.conf service/target/config/other.conf"));
        recompileStepsFile(s);

        assertRefusedLeavingTheJournalAlone(
                s,
                COPY_CONFIG,
                "cp service/source/app.conf service/target/config/app.conf",
                "cp service/source/app.conf service/target/config/other.conf");
    }

    @Test
    void anEditedCommandOfAStepAlreadyDoneRefusesTheResumeToo() throws IOException {
        Scenario s = Scenario.demo(tmp);
        assertThat(s.run(new ScriptedApprover()).verdict()).isEqualTo("completed");
        s.crashAfter(COPY_CONFIG, "approved");
        s.editItem(CREATE, i -> i.put("command", "mkdir -p service/target/elsewhere"));
        recompileStepsFile(s);

        assertRefusedLeavingTheJournalAlone(
                s,
                CREATE,
                "mkdir -p service/target/demo-data service/target/config",
                "mkdir -p service/target/elsewhere");
    }

    /** A runtime parameter is compared with the value the operator gave: no false refusal, and edits still seen. */
    @Test
    void aCommandWithARuntimeParameterIsComparedWithTheValueTheJournalRecorded() throws IOException {
        Scenario s = Scenario.demo(tmp).withLabelStep(LABEL_STEP, false);
        assertThat(s.run(new ScriptedApprover().param("label", "blue")).verdict())
                .isEqualTo("completed");
        s.crashAfter(LABEL_STEP, "approved");
        Path copy = tmp.resolve("copy");
        copyTree(s.dir(), copy);

        RunOutcome unchanged = s.resume(new ScriptedApprover());
        assertThat(unchanged.verdict()).as(unchanged.output()).isEqualTo("completed");
        assertThat(unchanged.events(LABEL_STEP)).endsWith("resume-reverified", "resume-marked-done");

        Scenario edited = Scenario.at(copy).editItem(LABEL_STEP, i -> i.put("command", "touch service/target/{label}"));
        recompileStepsFile(edited);
        assertRefusedLeavingTheJournalAlone(
                edited, LABEL_STEP, "touch service/target/config/'blue'", "touch service/target/'blue'");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
