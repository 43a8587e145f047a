package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long-running jobs in parallel (issue 7): once a job is approved and started, it is polled in the background
 * while the walk asks the next steps; approvals stay one at a time and in plan order; a step that requires a
 * running job waits for it; gates, the handoff and the point of no return wait for every job.
 *
 * <p>The plan is the demo plus, at the start of data-plane phase 2 (before the bulk copy moves data, so none of
 * them is the point of no return), two jobs whose poll reports RUNNING a fixed number of times before SUCCESS (a
 * counter file, so the outcome does not depend on timing), a quick step that depends on neither, and a step on
 * job A's datastore, which therefore requires job A.
 */
class ParallelJobsTest {
    private static final String JOB_A = "dp-phase2-001-job-a";
    private static final String JOB_B = "dp-phase2-002-job-b";
    private static final String QUICK = "dp-phase2-003-quick";
    private static final String AFTER_A = "dp-phase2-004-after-a";
    private static final String POINT = "dp-phase3-010-copy-config";
    private static final String DATA = "arn:aws:s3:::other-data";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** @param pollsA how many polls of job A say RUNNING before SUCCESS (or ERROR when {@code failA}) */
    private Scenario plan(int pollsA, boolean failA) {
        return Scenario.demo(tmp).file("service/poll.sh", """
                        # usage: poll.sh NAME RUNNING_POLLS FINAL — RUNNING for the first polls, then FINAL
                        n=$(cat "service/$1.polls" 2>/dev/null || echo 0); n=$((n + 1)); echo "$n" > "service/$1.polls"
                        if [ "$n" -le "$2" ]; then echo RUNNING; else echo "$3"; fi
                        """).editJson(Scenario.DP, root -> {
            ArrayNode during = (ArrayNode) root.path("phases").get(1).path("during_cutover");
            // job A works on the demo data, so the step after it on the same datastore requires it
            during.add(job(JOB_A, DATA, pollsA, failA ? "ERROR" : "SUCCESS"));
            during.add(job(JOB_B, null, 1, "SUCCESS"));
            during.add(quick(QUICK, null));
            during.add(quick(AFTER_A, DATA));
        });
    }

    private static ObjectNode job(String id, String datastore, int runningPolls, String last) {
        String name = id.substring(id.lastIndexOf('-') + 1);
        ObjectNode item = item(id, datastore, "lambda-code-upload");
        item.put("command", "touch service/" + name + ".started");
        item.put("long_running", true);
        item.put("poll_cmd", "bash service/poll.sh " + name + " " + runningPolls + " " + last);
        item.putArray("poll_terminal_states").add("SUCCESS").add("ERROR");
        item.put("verification_command", "test -e service/" + name + ".started");
        return item;
    }

    private static ObjectNode quick(String id, String datastore) {
        ObjectNode item = item(id, datastore, "lambda-code-upload");
        item.put("command", "touch service/" + id);
        item.put("long_running", false);
        item.putArray("poll_terminal_states");
        item.put("verification_command", "test -e service/" + id);
        return item;
    }

    private static ObjectNode item(String id, String datastore, String operation) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", id);
        item.put("description", "Parallel test step " + id + ".");
        item.put("owner_team", "platform");
        if (datastore == null) {
            item.putNull("datastore_arn");
        } else {
            item.put("datastore_arn", datastore);
        }
        item.put("operation_type", operation);
        item.put("tool", "shell");
        item.put("time_box_minutes", 1);
        item.put("irreversible", false);
        return item;
    }

    @Test
    void theWalkAsksTheNextStepsWhileAStartedJobIsStillRunning() {
        RunOutcome run = plan(3, false).run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        List<String> t = run.timeline();
        int aStarted = t.indexOf(JOB_A + " executed");
        int aDone = t.indexOf(JOB_A + " poll-terminal");
        assertThat(t.indexOf(JOB_B + " approved")).isBetween(aStarted, aDone);
        assertThat(t.indexOf(QUICK + " step-succeeded")).isBetween(aStarted, aDone);
        assertThat(run.output()).contains(JOB_A + ": job started, polled in the background (1 of at most 4");
    }

    @Test
    void approvalsStayOneAtATimeInPlanOrder() {
        RunOutcome run = plan(3, false).run(new ScriptedApprover());

        List<String> asked = run.approver().asked().stream()
                .filter(q -> q.kind() == PromptKind.APPROVE)
                .map(q -> q.stepId())
                .toList();
        assertThat(asked).containsSubsequence(JOB_A, JOB_B, QUICK, AFTER_A, POINT);
        assertThat(asked).isSortedAccordingTo((x, y) -> order(run, x) - order(run, y));
    }

    @Test
    void aStepThatRequiresARunningJobWaitsForItToSucceed() {
        RunOutcome run = plan(3, false).run(new ScriptedApprover());

        List<String> t = run.timeline();
        assertThat(t.indexOf(AFTER_A + " step-started")).isGreaterThan(t.indexOf(JOB_A + " step-succeeded"));
        assertThat(run.output())
                .as("it names the job it requires, not every job in flight")
                .containsPattern("waiting for " + JOB_A + " \\([^)]*\\): " + AFTER_A + " requires it");
        assertThat(run.output()).doesNotContainPattern("waiting for [^:\\n]*" + JOB_B + "[^\\n]*" + AFTER_A);
    }

    @Test
    void thePointOfNoReturnWaitsForEveryJob() {
        RunOutcome run = plan(3, false).run(new ScriptedApprover());

        List<String> t = run.timeline();
        int point = t.indexOf(POINT + " step-started");
        assertThat(point)
                .isGreaterThan(t.indexOf(JOB_A + " step-succeeded"))
                .isGreaterThan(t.indexOf(JOB_B + " step-succeeded"));
    }

    @Test
    void oneJobAtATimeMakesTheSecondJobWaitForTheFirst() {
        RunOutcome run = plan(3, false).maxParallelJobs(1).run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        List<String> t = run.timeline();
        assertThat(t.indexOf(JOB_B + " step-started")).isGreaterThan(t.indexOf(JOB_A + " step-succeeded"));
        assertThat(t.indexOf(QUICK + " step-succeeded")).isLessThan(t.indexOf(JOB_B + " step-succeeded"));
    }

    @Test
    void sequentialPollsEachJobToItsEndBeforeTheNextStep() {
        RunOutcome run = plan(3, false).maxParallelJobs(0).run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        List<String> t = run.timeline();
        assertThat(t.indexOf(JOB_B + " step-started")).isGreaterThan(t.indexOf(JOB_A + " step-succeeded"));
        assertThat(t.indexOf(QUICK + " step-started")).isGreaterThan(t.indexOf(JOB_B + " step-succeeded"));
        assertThat(run.output()).doesNotContain("polled in the background");
    }

    @Test
    void aJobThatFailsWhileAnotherQuestionIsOpenGetsItsFailureDialogRightAfterIt() {
        Scenario s = plan(0, true);
        // While the operator reads the quick step's prompt, job A's interval passes (and the job fails).
        RunOutcome run = s.run(new ScriptedApprover()
                .onAsk(
                        q -> q.kind() == PromptKind.APPROVE && q.stepId().equals(QUICK),
                        q -> s.clock().advance(Duration.ofMinutes(5)))
                .answer(PromptKind.FAILURE, JOB_A, Choice.SKIP_ROLLBACK_STOP));

        assertThat(run.verdict()).isEqualTo("halted");
        List<String> questions = run.approver().asked().stream()
                .map(q -> q.kind().wireName() + " " + q.stepId())
                .toList();
        int quick = questions.indexOf("approve " + QUICK);
        assertThat(questions.get(quick + 1)).isEqualTo("failure " + JOB_A);
        assertThat(run.timeline()).doesNotContain(AFTER_A + " step-started");
    }

    @Test
    void aRunThatStopsWithJobsInFlightSaysTheyKeepRunningAndResumePollsThem() {
        Scenario s = plan(50, false);
        RunOutcome stopped = s.run(new ScriptedApprover().answer(PromptKind.APPROVE, QUICK, Choice.ABORT));

        assertThat(stopped.verdict()).isEqualTo("aborted");
        assertThat(stopped.output())
                .contains("WARNING: 2 job(s) started by this run are still in flight and no longer polled: " + JOB_A
                        + " (not polled yet), " + JOB_B + " (not polled yet).")
                .contains("They keep running outside Cutover; `--resume` polls them again.");

        RunOutcome resumed = s.resume(new ScriptedApprover());

        assertThat(resumed.verdict()).as(resumed.output()).isEqualTo("completed");
        assertThat(resumed.timeline()).contains(JOB_A + " poll-terminal");
        assertThat(resumed.entries(JOB_A, "executed")).hasSize(1);
        assertThat(resumed.output()).doesNotContain("still in flight and no longer polled");
    }

    @Test
    void aCompletedRunHasNoJobInFlightToWarnAbout() {
        RunOutcome run = plan(3, false).run(new ScriptedApprover());

        assertThat(run.verdict()).isEqualTo("completed");
        assertThat(run.output()).doesNotContain("no longer polled");
    }

    @Test
    void statusShowsEveryJobInFlightWithItsLastStateAfterACrash() {
        Scenario s = plan(3, false);
        s.run(new ScriptedApprover());
        // cut the journal where job A has been polled once and job B has just started
        s.crashAfter(JOB_B, "executed");

        dev.cutover.report.StatusView view = new dev.cutover.app.StatusService(
                        java.time.Clock.fixed(Scenario.START.plusSeconds(600), java.time.ZoneOffset.UTC),
                        java.util.Map.of())
                .status(new dev.cutover.input.RunDirectory(s.dir()));

        assertThat(view.jobsInFlight())
                .extracting(dev.cutover.report.JobRow::stepId)
                .containsExactly(JOB_A, JOB_B);
        assertThat(view.jobsInFlight().get(1).lastState()).isEqualTo("not polled yet");
        assertThat(view.jobsInFlight().get(1).elapsedMinutes()).isEqualTo(10);
    }

    private static int order(RunOutcome run, String stepId) {
        return run.timeline().indexOf(stepId + " approval-requested");
    }
}
