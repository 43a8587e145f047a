package dev.cutover.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.GateAnchors;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunConfig;
import dev.cutover.input.RunDirectory;
import dev.cutover.journal.EntryDraft;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.JournalMetadata;
import dev.cutover.journal.JournalWriter;
import dev.cutover.policy.AllowedPrograms;
import dev.cutover.policy.CommandLint;
import dev.cutover.shell.ChildEnvironment;
import dev.cutover.shell.CommandRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules the compiler cannot reach from checklist items alone: a verify success pattern, a poll-derived verify
 * (FORMATS.md §3.1, §4.5), and the pre-flight allow-list audit that stands behind the compiler's own lint.
 */
class VerificationAndAuditTest {
    private static final String STEP = "dp-phase2-010-restore";

    @TempDir
    Path tmp;

    private RunJournal journal;
    private EngineContext ctx;

    @BeforeEach
    void context() {
        Clock clock = Clock.systemUTC();
        RunDirectory dir = new RunDirectory(tmp);
        journal = new RunJournal(
                JournalWriter.create(
                        dir.journalFile(),
                        JournalMetadata.standard("r", clock.instant(), "000000000001", "000000000002", "t"),
                        clock),
                "op");
        StepCommands commands = new StepCommands(
                dir, new CommandRunner(clock), ChildEnvironment.from(Map.of("PATH", System.getenv("PATH"))));
        ctx = new EngineContext(
                dir,
                clock,
                d -> {},
                q -> {
                    throw new AssertionError("no question expected: " + q.prompt());
                },
                new PrintWriter(new StringWriter()),
                journal,
                commands,
                new Prompts(new RunContextHeader("r", "sandbox", null, null, "a -> b"), NoReturnNotice.none()),
                new FreezeTracker(List.of()),
                new SsoProbe(List.of(), clock.instant(), "resume"),
                new CommandLint(AllowedPrograms.flat(List.of("echo", "true"))),
                new EngineSettings(
                        null,
                        RunConfig.DEFAULT_POLL_TIMEOUT,
                        List.of(),
                        GateAnchors.NONE,
                        false,
                        Map.of(),
                        EngineSettings.SEQUENTIAL),
                RunNotifications.none());
    }

    @AfterEach
    void close() {
        journal.close();
    }

    private boolean verify(ExecutionStep step) {
        for (JournalEvent e : List.of(
                JournalEvent.STEP_STARTED,
                JournalEvent.APPROVAL_REQUESTED,
                JournalEvent.APPROVED,
                JournalEvent.EXECUTED)) {
            journal.append(EntryDraft.of(step.stepId(), step.phaseNumber(), e));
        }
        return new Verification(ctx, step, new RuntimeValues()).run().isEmpty();
    }

    @Test
    void aVerifyPassesOnlyWhenItsOutputMatchesTheSuccessPattern() {
        assertThat(verify(step("echo available", "(?i)^available$", false, null)))
                .isTrue();
        assertThat(verify(renamed(step("echo backing-up", "(?i)^available$", false, null))))
                .isFalse();
    }

    @Test
    void aPollDerivedVerifyPassesOnlyOnASuccessState() {
        assertThat(verify(step("echo Complete", null, true, "echo Complete"))).isTrue();
        assertThat(verify(renamed(step("echo Failed", null, true, "echo Failed"))))
                .isFalse();
    }

    @Test
    void preflightRefusesAStepWhoseCommandTheAllowListDoesNotHoldBeforeAnythingRuns() {
        ExecutionStep ok = step("true", null, false, null);
        ExecutionStep curl = new ExecutionStep(
                ok.stepId(),
                2,
                ok.phaseName(),
                ok.checklistItemId(),
                ok.resourceArn(),
                ok.resourceType(),
                ok.action(),
                "shell",
                "curl -sf https://example.invalid",
                "true",
                "",
                "medium",
                true,
                null,
                null,
                List.of(),
                false,
                null,
                null,
                List.of(),
                null,
                0,
                null,
                "dp",
                "during_cutover",
                ok.operationType(),
                "fetch",
                null,
                false,
                List.of(),
                List.of(),
                "none",
                null);
        Preflight preflight = new Preflight(Clock.systemUTC(), ctx.commands());

        assertThatThrownBy(() -> preflight.allowList(List.of(curl), ctx.lint()))
                .isInstanceOfSatisfying(
                        CutoverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COMMAND_NOT_ALLOWED))
                .hasMessageContaining("curl")
                .hasMessageContaining(STEP);
    }

    /** The same step under another id, so one test can walk two steps through the lifecycle. */
    private static ExecutionStep renamed(ExecutionStep s) {
        String id = STEP + "-b";
        return new ExecutionStep(
                id,
                s.phaseNumber(),
                s.phaseName(),
                id,
                s.resourceArn(),
                s.resourceType(),
                s.action(),
                s.tool(),
                s.executeCmd(),
                s.verifyCmd(),
                s.rollbackCmd(),
                s.risk(),
                true,
                null,
                s.verifySuccessPattern(),
                List.of(),
                s.longRunning(),
                s.pollCmd(),
                s.pollIntervalSeconds(),
                s.pollTerminalStates(),
                null,
                0,
                null,
                "dp",
                "during_cutover",
                s.operationType(),
                s.description(),
                null,
                false,
                List.of(),
                s.pollSuccessStates(),
                "none",
                null);
    }

    private static ExecutionStep step(String verify, String pattern, boolean longRunning, String poll) {
        return new ExecutionStep(
                STEP,
                2,
                "Bulk Transfers",
                STEP,
                "target:checklist:" + STEP,
                "Migration::ManualStep",
                "snapshot-restore",
                "shell",
                "true",
                verify,
                "",
                "medium",
                true,
                null,
                pattern,
                List.of(),
                longRunning,
                poll,
                longRunning ? 60 : null,
                longRunning ? List.of("Complete", "Failed") : List.of(),
                null,
                0,
                null,
                "dp",
                "during_cutover",
                "snapshot-restore",
                "restore",
                null,
                false,
                List.of(),
                longRunning ? List.of("Complete") : List.of(),
                "none",
                null);
    }
}
