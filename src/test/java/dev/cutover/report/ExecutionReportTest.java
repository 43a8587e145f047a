package dev.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionReportTest {
    static final Path RUN_DIR = Path.of("/runs/northwind-42");
    static final Pattern PHASE_ROW = Pattern.compile(
            "^\\| (CP[0-6]|handoff|DP[1-5]) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|$",
            Pattern.MULTILINE);

    @TempDir
    Path dir;

    @AutoClose
    TestJournal journal;

    @BeforeEach
    void open() {
        journal = new TestJournal(dir);
    }

    private String report(Ending ending, ReportContext context) {
        ReportInput input = journal.input(Scenario.PLAN, List.of(Scenario.ORDERS_FREEZE));
        Instant now = journal.now();
        return ExecutionReport.markdown(RunSummaries.build(input, ending, now), input, context);
    }

    private static ReportContext context(boolean handoffApproved) {
        return new ReportContext(RUN_DIR, List.of(), List.of(), handoffApproved);
    }

    @Test
    void aCompletedReportSaysSoNamesTheSkippedStepAndItsReasonAndPointsToTheAudit() {
        Scenario.completed(journal);

        String md = report(Ending.completed(), context(true));

        assertThat(md)
                .startsWith("# Cutover execution report: northwind-42\n\n**Verdict: COMPLETED**\n\n"
                        + "Completed with 1 step skipped by an operator: see Skipped steps for why; a skipped step did"
                        + " not succeed.\n");
        assertThat(md).contains("- `" + Scenario.ASSETS + "`: bucket pre-created by ops\n");
        assertThat(md).contains("## Failed steps\n\nNone.\n");
        assertThat(md).contains("- Approvals: 11 requested, 11 given\n");
        assertThat(md).contains("## Active freezes\n\nNone.\n");
        assertThat(md)
                .contains("- `/aws-migration-architect:audit --run-id northwind-42`: verifies source/target parity");
        assertThat(md).doesNotContain("--resume");
    }

    @Test
    void theHandoffReminderToDetachTheDataPlanePolicyAppearsOnlyOnceTheHandoffWasApproved() {
        Scenario.completed(journal);

        assertThat(report(Ending.completed(), context(true))).contains("Detach it from the target role");
        assertThat(report(Ending.completed(), context(false))).doesNotContain("Detach");
    }

    @Test
    void aHaltedReportListsEverySkippedAndFailedStepWithItsReasonLogAndLastStderrLine() {
        Scenario.halted(journal);

        String md = report(Ending.halted("rollback skipped", Scenario.SUBNETS), context(false));

        assertThat(md)
                .contains("**Verdict: HALTED**\n\n- Halt reason: rollback skipped\n- Halt step: `" + Scenario.SUBNETS
                        + "`\n");
        assertThat(md).contains("- `" + Scenario.BACKEND + "`: skipped by operator\n");
        assertThat(md)
                .contains("- `" + Scenario.SUBNETS + "`: [execution/" + Scenario.SUBNETS + ".stderr.log](execution/"
                        + Scenario.SUBNETS + ".stderr.log), last stderr line: `` | InvalidCidr `x` ``\n");
        assertThat(md).contains("## Blocked steps\n\n- `" + Scenario.ORDERS_DB + "`: requires `" + Scenario.SUBNETS);
        assertThat(md).contains("- `cutover execute --run-dir /runs/northwind-42 --resume`: after fixing");
    }

    @Test
    void thePerPhaseTableHasAllThirteenBucketsAndSumsToStepsTotal() {
        Scenario.halted(journal);
        ReportInput input = journal.input(Scenario.PLAN, List.of());
        RunSummary summary = RunSummaries.build(input, Ending.halted("stop", Scenario.SUBNETS), journal.now());

        String md = ExecutionReport.markdown(summary, input, context(false));

        Matcher rows = PHASE_ROW.matcher(md);
        int[] sums = new int[6];
        List<String> labels = new java.util.ArrayList<>();
        while (rows.find()) {
            labels.add(rows.group(1));
            for (int i = 0; i < sums.length; i++) {
                sums[i] += Integer.parseInt(rows.group(i + 2));
            }
        }
        assertThat(labels)
                .containsExactly(
                        "CP0", "CP1", "CP2", "CP3", "CP4", "CP5", "CP6", "handoff", "DP1", "DP2", "DP3", "DP4", "DP5");
        assertThat(sums[5]).isEqualTo(summary.stepsTotal()).isEqualTo(11);
        assertThat(sums[0] + sums[1] + sums[2] + sums[3] + sums[4]).isEqualTo(summary.stepsTotal());
        assertThat(sums).containsExactly(1, 1, 1, 7, 1, 11);
        assertThat(md).contains("| **Total** | 1 | 1 | 1 | 7 | 1 | 11 |\n");
        assertThat(md).contains("| CP1 | 1 | 0 | 1 | 0 | 0 | 2 |\n").contains("| handoff | 0 | 0 | 0 | 1 | 0 | 1 |\n");
    }

    @Test
    void anInterruptedReportSaysSoClearlyAndGivesTheResumeCommand() {
        Scenario.crashedMidStep(journal);

        String md = report(Ending.interrupted(), context(false));

        assertThat(md).contains("**Verdict: INTERRUPTED**\n\nThe run stopped without recording an end");
        assertThat(md).contains("- Halt step: `" + Scenario.SUBNETS + "`");
        assertThat(md).contains("- Ended: not recorded (interrupted)");
        assertThat(md)
                .contains("## Steps in flight (counted as pending)\n\n- `" + Scenario.SUBNETS
                        + "`: last event executed at ");
        assertThat(md).contains("- `cutover execute --run-dir /runs/northwind-42 --resume`");
    }

    @Test
    void anAbortedReportOffersResumeAndStartingOver() {
        journal.lockAcquired()
                .approve(Scenario.BACKEND)
                .event(Scenario.BACKEND, dev.cutover.journal.JournalEvent.ABORTED);

        String md = report(Ending.aborted("operator aborted", Scenario.BACKEND), context(false));

        assertThat(md).contains("- `" + Scenario.BACKEND + "`: [execution/");
        assertThat(md).contains("--resume`: resumes; the aborted step is offered retry, skip or abort again");
        assertThat(md).contains("starts over as a new run");
    }

    @Test
    void freezesWarningsAndSkippedChecksAreListedAndOperatorTextCannotAddMarkdown() {
        journal.lockAcquired().succeed(Scenario.BACKEND).skip(Scenario.VPC, "see [this](http://x) | *now*");
        journal.approve(Scenario.FREEZE).executed(Scenario.FREEZE, 0, "").after(java.time.Duration.ofMinutes(31));
        ReportContext context = new ReportContext(
                Path.of("/runs/my run"), List.of("program bash is allowed"), List.of("check 7: no terraform"), false);

        String md = report(Ending.halted("stop", Scenario.VPC), context);

        assertThat(md).contains("- `" + Scenario.VPC + "`: see \\[this\\]\\(http://x\\) \\| \\*now\\*\n");
        assertThat(md).contains("## Warnings\n\n- program bash is allowed\n");
        assertThat(md).contains("## Skipped pre-flight checks\n\n- check 7: no terraform\n");
        assertThat(md)
                .contains("- `arn:aws:rds:eu-west-1:111111111111:db:orders`: frozen since ")
                .contains(", 31 of 30 min — **OVERRUN** by 1 min; released by `" + Scenario.VALIDATE + "`");
        assertThat(md).contains("`cutover execute --run-dir '/runs/my run' --resume`");
    }

    @Test
    void theSameInputsGiveTheSameReport() {
        Scenario.completed(journal);

        assertThat(report(Ending.completed(), context(true))).isEqualTo(report(Ending.completed(), context(true)));
    }
}
