package dev.cutover.app;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.engine.RunResult;
import dev.cutover.input.RunDirectory;
import dev.cutover.journal.JournalContents;
import dev.cutover.journal.JournalReader;
import dev.cutover.journal.RunStateReplayer;
import dev.cutover.report.Ending;
import dev.cutover.report.ExecutionReport;
import dev.cutover.report.FreezeSpec;
import dev.cutover.report.ReportContext;
import dev.cutover.report.ReportInput;
import dev.cutover.report.RunSummaries;
import dev.cutover.report.RunSummary;
import dev.cutover.report.SummaryJson;
import dev.cutover.report.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;

/**
 * Writes execution-summary.json and execution-report.md from the journal (the only source of truth) once a
 * run ends. Refusals that happened before any journal existed leave nothing to summarise.
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
        JournalContents journal = new JournalReader().read(dir.journalFile());
        List<ExecutionStep> steps =
                result.plan() == null ? List.of() : result.plan().steps();
        List<FreezeSpec> freezes = result.freezeWindows().stream()
                .map(w -> new FreezeSpec(w.datastoreArn(), w.durationMinutes(), w.beginsAtStepId(), w.releaseStepId()))
                .toList();
        ReportInput input = ReportInput.of(journal, steps, freezes);
        Ending ending = new Ending(
                Verdict.valueOf(result.ending().verdict().name()),
                result.ending().haltReason(),
                result.ending().haltStepId());
        RunSummary summary = RunSummaries.build(input, ending, clock.instant());
        boolean handoffApproved =
                new RunStateReplayer().replay(journal.entries()).handoffApproved();
        String report = ExecutionReport.markdown(
                summary,
                input,
                new ReportContext(dir.root(), result.warnings(), result.skippedChecks(), handoffApproved));
        AtomicFiles.write(dir.file(RunDirectory.SUMMARY), SummaryJson.write(summary));
        AtomicFiles.write(dir.file(RunDirectory.REPORT), report.getBytes(StandardCharsets.UTF_8));
    }
}
