package dev.cutover.app;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.engine.RunResult;
import dev.cutover.input.RunDirectory;
import dev.cutover.journal.JournalContents;
import dev.cutover.journal.JournalReader;
import dev.cutover.journal.RunStateReplayer;
import dev.cutover.report.Ending;
import dev.cutover.report.ExecutionReport;
import dev.cutover.report.ExecutionReportHtml;
import dev.cutover.report.FreezeSpec;
import dev.cutover.report.ReportContext;
import dev.cutover.report.ReportInput;
import dev.cutover.report.RollbackOutcomes;
import dev.cutover.report.RunSummaries;
import dev.cutover.report.RunSummary;
import dev.cutover.report.SummaryJson;
import dev.cutover.report.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;

/**
 * Writes execution-summary.json, execution-report.md and execution-report.html (the same facts plus a timeline)
 * from the journal (the only source of truth) once a run ends. Refusals that happened before any journal existed
 * leave nothing to summarise.
 */
public final class JournalEndOfRunWriter implements EndOfRunWriter {
    private final Clock clock;

    public JournalEndOfRunWriter() {
        this(Clock.systemUTC());
    }

    public JournalEndOfRunWriter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void write(RunDirectory dir, RunResult result) {
        if (!Files.exists(dir.journalFile())) {
            return;
        }
        List<ExecutionStep> steps =
                result.plan() == null ? List.of() : result.plan().steps();
        List<FreezeSpec> freezes = result.freezeWindows().stream()
                .map(w -> new FreezeSpec(w.datastoreArn(), w.durationMinutes(), w.beginsAtStepId(), w.releaseStepId()))
                .toList();
        Ending ending = new Ending(
                Verdict.valueOf(result.ending().verdict().name()),
                result.ending().haltReason(),
                result.ending().haltStepId());
        write(dir, steps, freezes, ending, result.warnings(), result.skippedChecks());
    }

    /** Folds the journal into the three files for {@code ending}; also how {@code cutover report} rebuilds them. */
    RunSummary write(
            RunDirectory dir,
            List<ExecutionStep> steps,
            List<FreezeSpec> freezes,
            Ending ending,
            List<String> warnings,
            List<String> skippedChecks) {
        JournalContents journal = new JournalReader().read(dir.journalFile());
        ReportInput input = ReportInput.of(journal, steps, freezes);
        RunSummary summary = RunSummaries.build(input, ending, clock.instant());
        boolean handoffApproved =
                new RunStateReplayer().replay(journal.entries()).handoffApproved();
        ReportContext context = new ReportContext(dir.root(), warnings, skippedChecks, handoffApproved);
        String report = ExecutionReport.markdown(summary, input, context);
        String page = ExecutionReportHtml.render(summary, input, context);
        AtomicFiles.writeAll(List.of(
                new AtomicFiles.Output(
                        dir.file(RunDirectory.SUMMARY),
                        SummaryJson.write(summary, RollbackOutcomes.of(steps, journal.entries()))),
                new AtomicFiles.Output(dir.file(RunDirectory.REPORT), report.getBytes(StandardCharsets.UTF_8)),
                new AtomicFiles.Output(dir.file(RunDirectory.REPORT_HTML), page.getBytes(StandardCharsets.UTF_8))));
        return summary;
    }
}
