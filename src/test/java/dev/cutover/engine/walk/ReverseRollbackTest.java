package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.app.StatusService;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.engine.ApprovedCommand;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import dev.cutover.report.RunActivity;
import dev.cutover.report.StatusView;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cutover rollback} (issue 6): the steps that succeeded are unwound latest first, each with its own approval
 * bound to the exact command, checked, journaled in the run's journal; steps without a rollback remain (and say
 * so); an irreversible step or the point of no return stops the rollback unless its manual procedure is confirmed;
 * a stopped or crashed rollback continues where it stopped.
 */
class ReverseRollbackTest {
    static final String SWITCH = "dp-phase4-030-switch-live";
    static final String DELTA = "dp-phase4-020-final-delta";
    static final String FREEZE = "dp-phase4-010-freeze-source";
    static final String CONFIG = "dp-phase3-010-copy-config";
    static final String COPY = "dp-phase2-010-copy-data";
    static final String TARGET = "cp-phase1-010-create-target";
    private static final String RUN = "cp-phase0-000-run";

    @TempDir
    Path tmp;

    private Scenario completedDemo() {
        Scenario s = Scenario.demo(tmp);
        RunOutcome run = s.run(new ScriptedApprover());
        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        return s;
    }

    private static List<String> reverseEvents(RunOutcome r) {
        return r.entries().stream()
                .filter(e -> e.path("notes").asText().startsWith("reverse rollback"))
                .map(e -> e.path("step_id").asText() + " " + e.path("event").asText())
                .toList();
    }

    @Test
    void aStepInFlightWhenTheRunStoppedRefusesTheRollbackUntilAResumeHasReVerifiedIt() throws Exception {
        Scenario s = completedDemo().crashAfter(DELTA, "approved");
        Path journal = s.dir().resolve("execution-log.jsonl");
        byte[] before = Files.readAllBytes(journal);

        assertThatThrownBy(() -> s.rollback(new ScriptedApprover()))
                .isInstanceOfSatisfying(CutoverException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ROLLBACK_STEP_IN_FLIGHT);
                    assertThat(e.code().exitCode()).isEqualTo(3);
                    assertThat(e.getMessage())
                            .contains(
                                    DELTA + " (last event approved",
                                    "cutover execute --run-dir " + s.dir() + " --resume");
                });
        assertThat(Files.readAllBytes(journal)).as("nothing journaled").isEqualTo(before);

        assertThat(s.resume(new ScriptedApprover()).verdict()).isEqualTo("completed");
        RunOutcome r = s.rollback(new ScriptedApprover());
        assertThat(r.verdict()).as(r.output()).isEqualTo("completed");
        assertThat(r.entries(DELTA, "rollback-executed")).hasSize(1);
    }

    @Test
    void unwindsTheStepsThatSucceededLatestFirstEachWithItsOwnApprovalBoundToTheExactCommand() throws Exception {
        // The freeze without its rollback: a step with no rollback command remains, and a freeze says it stays.
        Scenario s = Scenario.demo(tmp).editItem(FREEZE, i -> i.remove("rollback_command"));
        assertThat(s.run(new ScriptedApprover()).verdict()).isEqualTo("completed");

        RunOutcome r = s.rollback(new ScriptedApprover());

        assertThat(r.verdict()).as(r.output()).isEqualTo("completed");
        assertThat(r.exitCode()).isZero();
        assertThat(reverseEvents(r))
                .containsExactly(
                        RUN + " approved",
                        SWITCH + " rollback-offered",
                        RUN + " approved",
                        SWITCH + " rollback-approved",
                        SWITCH + " rollback-executed",
                        DELTA + " rollback-offered",
                        DELTA + " rollback-approved",
                        DELTA + " rollback-executed",
                        FREEZE + " rollback-offered",
                        FREEZE + " rollback-skipped",
                        CONFIG + " rollback-offered",
                        RUN + " approved",
                        CONFIG + " rollback-skipped",
                        COPY + " rollback-offered",
                        COPY + " rollback-approved",
                        COPY + " rollback-executed",
                        TARGET + " rollback-offered",
                        TARGET + " rollback-approved",
                        TARGET + " rollback-executed");
        Question asked = r.asked(PromptKind.ROLLBACK, COPY).get(0);
        String cmd = "rm -rf service/target/demo-data && mkdir service/target/demo-data";
        assertThat(asked.prompt()).contains(cmd).contains("sha256 " + ApprovedCommand.sha256(cmd));
        JsonNode approved = r.entries(COPY, "rollback-approved").get(0);
        assertThat(approved.path("cmd").asText()).isEqualTo(cmd);
        assertThat(approved.path("notes").asText()).contains("sha256=" + ApprovedCommand.sha256(cmd));
        assertThat(r.entries(COPY, "rollback-executed").get(0).path("notes").asText())
                .startsWith("reverse rollback: undone; check: the step's verify no longer passes");
        assertThat(r.entries(FREEZE, "rollback-skipped").get(0).path("notes").asText())
                .contains("no rollback command")
                .contains("write freeze on arn:aws:s3:::demo-data stays until released by hand");
        assertThat(Files.readSymbolicLink(s.dir().resolve("service/live"))).isEqualTo(Path.of("source", "demo-data"));
        assertThat(s.dir().resolve("service/target")).doesNotExist();
        assertThat(s.dir().resolve("RUNNING.lock")).doesNotExist();
    }

    @Test
    void theReportAndSummaryShowWhatWasRolledBackAndWhatRemains() throws Exception {
        Scenario s = completedDemo();

        RunOutcome r = s.rollback(new ScriptedApprover());

        JsonNode rollback = r.summary().path("rollback");
        assertThat(rollback.path("rolled_back").toString())
                .isEqualTo("[\"" + SWITCH + "\",\"" + DELTA + "\",\"" + FREEZE + "\",\"" + COPY + "\",\"" + TARGET
                        + "\"]");
        assertThat(rollback.path("remains").toString()).isEqualTo("[\"" + CONFIG + "\"]");
        assertThat(r.summary().path("verdict").asText()).isEqualTo("completed");
        String report = Files.readString(s.dir().resolve("execution-report.md"));
        assertThat(report)
                .contains("## Rollback")
                .contains("| `" + SWITCH + "` | rolled-back | check: the step's verify no longer passes")
                .contains("| `" + FREEZE + "` | rolled-back | check: the step's verify no longer passes")
                .contains("| `" + CONFIG + "` | remains | no rollback command in the plan")
                .contains("- `cutover execute --run-dir <new run dir>`: this run was rolled back")
                .doesNotContain(":audit");
        assertThat(Files.readString(s.dir().resolve("execution-report.html")))
                .contains("<section id=\"rollback\">")
                .contains(TARGET);
    }

    @Test
    void statusSaysTheRunWasRolledBackAndAfterACrashPointsAtRollbackNotResume() {
        Scenario s = completedDemo();
        s.rollback(new ScriptedApprover());
        StatusService status = new StatusService(s.clock(), java.util.Map.of());

        StatusView ended = status.status(new RunDirectory(s.dir()));

        assertThat(ended.waitingFor())
                .contains("rolled back by cutover rollback: 5 step(s) rolled back, 1 remain, 0 not done yet");
        assertThat(ended.nextCommand()).isEqualTo("cutover execute --run-dir <new run dir>");

        s.crashAfter(COPY, "rollback-approved");
        StatusView crashed = status.status(new RunDirectory(s.dir()));

        assertThat(crashed.activity()).isEqualTo(RunActivity.INTERRUPTED);
        assertThat(crashed.nextCommand()).isEqualTo("cutover rollback --run-dir " + s.dir());
    }

    @Test
    void anIrreversibleStepStopsTheRollbackUntilItsManualProcedureIsConfirmedThenItContinues() throws Exception {
        Scenario s = completedDemo();

        RunOutcome stopped = s.rollback(new ScriptedApprover().answer(PromptKind.IRREVERSIBLE, SWITCH, Choice.ABORT));

        assertThat(stopped.verdict()).isEqualTo("aborted");
        assertThat(stopped.exitCode()).isEqualTo(5);
        assertThat(stopped.asked(PromptKind.IRREVERSIBLE, SWITCH).get(0).prompt())
                .contains("CONFIRM THE MANUAL PROCEDURE of " + SWITCH + " (irreversible step)")
                .contains("rollback: ln -sfn source/demo-data service/live");
        assertThat(stopped.asked(PromptKind.ROLLBACK, SWITCH)).isEmpty();
        assertThat(stopped.entries(RUN, "aborted").get(0).path("notes").asText())
                .startsWith("reverse rollback stopped at " + SWITCH + ": its manual procedure was not confirmed");
        assertThat(Files.readSymbolicLink(s.dir().resolve("service/live"))).isEqualTo(Path.of("target", "demo-data"));
        assertThat(s.dir().resolve("service/target/demo-data/orders.csv")).exists();

        RunOutcome continued = s.rollback(new ScriptedApprover());

        assertThat(continued.verdict()).as(continued.output()).isEqualTo("completed");
        assertThat(continued.events(SWITCH))
                .endsWith("rollback-offered", "rollback-approved", "rollback-executed")
                .containsOnlyOnce("rollback-offered");
        assertThat(Files.readSymbolicLink(s.dir().resolve("service/live"))).isEqualTo(Path.of("source", "demo-data"));
    }

    @Test
    void thePointOfNoReturnStopsTheRollbackSoEarlierStepsStayUntilConfirmed() throws Exception {
        Scenario s = completedDemo();

        RunOutcome stopped = s.rollback(new ScriptedApprover().answer(PromptKind.IRREVERSIBLE, CONFIG, Choice.ABORT));

        assertThat(stopped.verdict()).isEqualTo("aborted");
        assertThat(stopped.asked(PromptKind.IRREVERSIBLE, CONFIG).get(0).prompt())
                .contains("(the point of no return)");
        assertThat(stopped.events(COPY)).doesNotContain("rollback-offered");
        assertThat(stopped.events(DELTA)).endsWith("rollback-executed");
        assertThat(s.dir().resolve("service/target/config/app.conf"))
                .as("the config copy and every step before it are left as they were")
                .exists();
        JsonNode summary = stopped.summary().path("rollback");
        assertThat(summary.path("not_reached").toString()).isEqualTo("[\"" + COPY + "\",\"" + TARGET + "\"]");
        assertThat(summary.path("not_finished").toString()).isEqualTo("[\"" + CONFIG + "\"]");
        assertThat(Files.readString(s.dir().resolve("execution-report.md")))
                .contains("- `cutover rollback --run-dir " + s.dir() + "`: continues the rollback where it stopped");
    }

    @Test
    void aRollbackThatRanBeforeACrashIsReCheckedNotRunAgain() throws Exception {
        Scenario s = completedDemo();
        s.rollback(new ScriptedApprover());
        s.crashAfter(COPY, "rollback-approved");

        RunOutcome resumed = s.rollback(new ScriptedApprover());

        assertThat(resumed.verdict()).as(resumed.output()).isEqualTo("completed");
        assertThat(resumed.asked(PromptKind.ROLLBACK, COPY)).isEmpty();
        assertThat(resumed.entries(COPY, "rollback-executed")
                        .get(0)
                        .path("notes")
                        .asText())
                .startsWith("reverse rollback: undone; re-checked after the last run stopped, not run again");
        assertThat(resumed.entries(COPY, "rollback-executed")
                        .get(0)
                        .path("exit_code")
                        .isNull())
                .isTrue();
        assertThat(rollbackRuns(s, COPY)).isEqualTo(1);
        assertThat(resumed.events(TARGET)).containsOnlyOnce("rollback-executed");
        assertThat(s.dir().resolve("service/target")).doesNotExist();
    }

    @Test
    void aRollbackApprovedButNotRunBeforeACrashIsAskedAgainAndRunsOnRetry() throws Exception {
        Scenario s = completedDemo();
        s.rollback(new ScriptedApprover());
        s.crashAfter(TARGET, "rollback-approved");
        Files.createDirectories(s.dir().resolve("service/target/demo-data")); // as if rm -rf never ran

        RunOutcome resumed = s.rollback(new ScriptedApprover().answer(PromptKind.ROLLBACK, TARGET, Choice.RETRY));

        assertThat(resumed.verdict()).as(resumed.output()).isEqualTo("completed");
        assertThat(resumed.asked(PromptKind.ROLLBACK, TARGET).get(0).prompt())
                .contains("WAS IN FLIGHT")
                .contains("check: the step's verify still passes");
        assertThat(resumed.events(TARGET))
                .endsWith("rollback-offered", "rollback-approved", "rollback-approved", "rollback-executed");
        assertThat(rollbackRuns(s, TARGET)).isEqualTo(2);
        assertThat(s.dir().resolve("service/target")).doesNotExist();
    }

    @Test
    void aRollbackThatDoesNotUndoTheStepIsAFailureTheOperatorMayLeaveAndTheReportSaysItRemains() throws Exception {
        Scenario s = Scenario.demo(tmp).editJson("migration-plan.json", root -> {
            ObjectNode rollback = (ObjectNode) root.path("phases").get(0).path("rollback");
            ((ArrayNode) rollback.putArray("steps")).add("true");
        });
        assertThat(s.run(new ScriptedApprover()).verdict()).isEqualTo("completed");

        RunOutcome r = s.rollback(
                new ScriptedApprover().answer(PromptKind.ROLLBACK, TARGET, Choice.APPROVE, Choice.RETRY, Choice.SKIP));

        assertThat(r.verdict()).as(r.output()).isEqualTo("completed");
        assertThat(r.entries(TARGET, "rollback-executed"))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.path("notes").asText())
                        .startsWith("reverse rollback: failed; check: the step's verify still passes"));
        List<Question> asked = r.asked(PromptKind.ROLLBACK, TARGET);
        assertThat(asked.get(1).prompt()).contains("DID NOT UNDO IT");
        assertThat(asked.get(1).choices()).containsExactly(Choice.RETRY, Choice.SKIP, Choice.ABORT);
        assertThat(r.summary().path("rollback").path("remains").toString()).contains(TARGET);
        assertThat(Files.readString(s.dir().resolve("execution-report.md")))
                .contains("| `" + TARGET + "` | remains | the rollback did not undo it");
    }

    @Test
    void theRollbacksReportCarriesTheGuardrailWarningsOfItsOwnPreflight() throws Exception {
        Scenario s = Scenario.demo(tmp)
                .config("environment: staging\nallowed_programs: [bash, cat, cmp, cp, diff, grep, ln, mkdir,"
                        + " readlink, rm, sha256sum, test, touch, true]\npoll_interval_seconds: 10\napprovers:\n"
                        + "  platform: [tester]\n");
        assertThat(s.run(new ScriptedApprover()).verdict()).isEqualTo("completed");

        RunOutcome r = s.rollback(new ScriptedApprover());

        assertThat(r.verdict()).as(r.output()).isEqualTo("completed");
        assertThat(Files.readString(s.dir().resolve("execution-report.md")))
                .contains("## Rollback")
                .contains("environment: direct mutation is discouraged for staging");
    }

    @Test
    void executeResumeRefusesARunThatIsBeingRolledBack() {
        Scenario s = completedDemo();
        s.rollback(new ScriptedApprover().answer(PromptKind.ROLLBACK, SWITCH, Choice.ABORT));

        assertThatThrownBy(() -> s.resume(new ScriptedApprover())).isInstanceOfSatisfying(CutoverException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.RUN_ROLLED_BACK);
            assertThat(e.exitCode()).isEqualTo(3);
            assertThat(e.getMessage()).contains("cutover rollback --run-dir");
        });
    }

    @Test
    void aRunWhereNothingSucceededHasNothingToRollBackAndNothingIsWritten() throws Exception {
        Scenario s = Scenario.demo(tmp);
        s.run(new ScriptedApprover().answer(PromptKind.GO_NO_GO, RUN, Choice.CANCEL));
        long before = Files.size(s.dir().resolve("execution-log.jsonl"));

        assertThatThrownBy(() -> s.rollback(new ScriptedApprover()))
                .isInstanceOfSatisfying(
                        CutoverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOTHING_TO_ROLL_BACK));
        assertThat(Files.size(s.dir().resolve("execution-log.jsonl"))).isEqualTo(before);
    }

    @Test
    void anEditedJournalIsRefusedAndNothingRuns() throws Exception {
        Scenario s = completedDemo();
        Path journal = s.dir().resolve("execution-log.jsonl");
        List<String> lines = Files.readAllLines(journal);
        lines.set(5, lines.get(5).replace("\"operator\":\"tester\"", "\"operator\":\"mallory\""));
        Files.write(journal, lines);

        assertThatThrownBy(() -> s.rollback(new ScriptedApprover()))
                .isInstanceOfSatisfying(CutoverException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.JOURNAL_CORRUPT);
                    assertThat(e.exitCode()).isEqualTo(6);
                });
        assertThat(Files.readSymbolicLink(s.dir().resolve("service/live"))).isEqualTo(Path.of("target", "demo-data"));
    }

    @Test
    void aTornJournalIsRefusedNamingTheRepairCommand() throws Exception {
        Scenario s = completedDemo();
        Path journal = s.dir().resolve("execution-log.jsonl");
        Files.writeString(journal, "{\"entry_id\":\"e9", java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> s.rollback(new ScriptedApprover()))
                .isInstanceOfSatisfying(CutoverException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.JOURNAL_TORN_TAIL);
                    assertThat(e.getMessage()).contains("cutover repair");
                });
        assertThat(s.dir().resolve("service/target/demo-data/orders.csv")).exists();
    }

    /** How many times the step's rollback command ran, from the frames its stdout log records. */
    private static long rollbackRuns(Scenario s, String step) throws Exception {
        return Files.readAllLines(s.dir().resolve("execution/" + step + ".stdout.log")).stream()
                .filter(l -> l.startsWith("==== ") && l.endsWith(" rollback start ===="))
                .count();
    }
}
