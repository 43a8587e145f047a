package dev.cutover.report;

import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.NotificationEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Builds {@link StatusView}: a live process holding the run directory means running; else a summary written after
 * the last lock acquisition means ended; else the run was interrupted (crash or kill) and the view names where.
 */
public final class StatusViews {
    private StatusViews() {}

    /**
     * The status of the run in {@code runDir} at {@code now}.
     *
     * @param lock the lock file, or null when there is none (or it is unreadable)
     * @param live whether a live process holds the run directory's lock, with or without a lock file
     * @param recorded the verdict in {@code execution-summary.json}, or null when there is none
     * @param plan whether the steps file is the plan the run started with
     */
    public static StatusView of(
            Path runDir,
            ReportInput input,
            LockInfo lock,
            boolean live,
            RecordedVerdict recorded,
            PlanCheck plan,
            Instant now) {
        List<StepOutcome> outcomes = StepOutcomes.of(input.steps(), input.entries());
        StepCounts counts = StepCounts.of(outcomes);
        List<JournalEntry> entries = input.entries();
        Optional<JournalEntry> last =
                entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
        String current = currentStep(outcomes);
        Situation situation =
                situation(new Facts(runDir, input, outcomes, lock, live, recorded, counts, last, current));
        return new StatusView(
                runDir.toString(),
                input.runId(),
                situation.activity(),
                situation.verdict(),
                situation.waitingFor(),
                current,
                situation.nextCommand(),
                lock,
                input.tornTail(),
                last.map(JournalEntry::at).orElse(null),
                counts,
                ActiveFreezes.of(entries, input.freezes(), now).stream()
                        .map(FreezeRow::of)
                        .toList(),
                outcomes.stream().map(StatusRow::of).toList(),
                outcomes.stream().flatMap(o -> JobRow.of(o, now).stream()).toList(),
                plan);
    }

    /** The first in-flight step, else the first pending step that is not blocked, else null. */
    static String currentStep(List<StepOutcome> outcomes) {
        return outcomes.stream()
                .filter(o -> o.state() == StepState.IN_FLIGHT)
                .findFirst()
                .or(() -> outcomes.stream()
                        .filter(o -> o.state() == StepState.PENDING)
                        .findFirst())
                .map(StepOutcome::stepId)
                .orElse(null);
    }

    private record Facts(
            Path runDir,
            ReportInput input,
            List<StepOutcome> outcomes,
            LockInfo lock,
            boolean live,
            RecordedVerdict recorded,
            StepCounts counts,
            Optional<JournalEntry> last,
            String current) {}

    private record Situation(RunActivity activity, String verdict, String waitingFor, String nextCommand) {}

    private static Situation situation(Facts f) {
        if (f.live()) {
            String doing = lastWork(f.input().entries())
                    .map(e -> WaitingFor.describe(e, f.outcomes()))
                    .orElse("starting");
            return new Situation(RunActivity.RUNNING, null, doing, null);
        }
        if (f.recorded() != null && isCurrent(f.recorded(), f.input().entries())) {
            return ended(f, f.recorded().verdict());
        }
        if (f.lock() == null
                && f.last().map(e -> e.event() == JournalEvent.LOCK_RELEASED).orElse(false)) {
            return ended(f, null);
        }
        return interrupted(f);
    }

    /**
     * The last entry that says what the run itself is doing: a notification delivery is journaled from its own
     * thread whenever the webhook answers, so it tells nothing about the walk.
     */
    static Optional<JournalEntry> lastWork(List<JournalEntry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (!NotificationEntry.is(entries.get(i))) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    // A resume journals a lock acquisition; a summary older than that belongs to an earlier segment.
    static boolean isCurrent(RecordedVerdict recorded, List<JournalEntry> entries) {
        return entries.stream()
                .filter(e ->
                        e.event() == JournalEvent.LOCK_ACQUIRED || e.event() == JournalEvent.LOCK_TAKEN_OVER_FROM_STALE)
                .noneMatch(e -> e.at().isAfter(recorded.endedAt()));
    }

    private static Situation ended(Facts f, String verdict) {
        Optional<Verdict> parsed = Arrays.stream(Verdict.values())
                .filter(v -> v.wireName().equals(verdict))
                .findFirst();
        Verdict effective = parsed.orElse(Verdict.ofEndedRun(f.counts()));
        String line = verdict == null ? "ended (lock released; no execution-summary.json found)" : "ended: " + verdict;
        if (f.lock() != null) {
            line += "; the lock file of pid " + f.lock().pid() + " is kept so --resume can take it over";
        }
        Optional<RollbackOutcomes> rollback =
                RollbackOutcomes.of(f.input().steps(), f.input().entries());
        List<NextStep> next = RehearsalNext.of(f.input(), f.runDir(), false)
                .or(() -> rollback.map(r -> r.next(f.runDir())))
                .orElseGet(() -> NextStep.after(
                        effective, f.input().runId(), f.runDir(), f.input().tornTail()));
        String command =
                PipelineNext.adapt(next, f.input().entries(), f.runDir()).get(0).command();
        line += rollback.map(StatusViews::rollbackLine).orElse("");
        return new Situation(RunActivity.ENDED, verdict, line, command);
    }

    /** After {@code cutover rollback}: how far it got (the report's Rollback section has the detail). */
    private static String rollbackLine(RollbackOutcomes r) {
        return "; rolled back by cutover rollback: "
                + r.ids(RollbackOutcomes.Outcome.ROLLED_BACK).size()
                + " step(s) rolled back, "
                + r.ids(RollbackOutcomes.Outcome.REMAINS).size() + " remain, "
                + (r.ids(RollbackOutcomes.Outcome.NOT_FINISHED).size()
                        + r.ids(RollbackOutcomes.Outcome.NOT_REACHED).size())
                + " not done yet";
    }

    private static Situation interrupted(Facts f) {
        String where = RunSummaries.lastStepEntry(f.input().entries())
                .map(JournalEntry::stepId)
                .orElse(f.current() == null ? "pre-flight" : f.current());
        List<NextStep> next = new ArrayList<>(NextStep.after(
                Verdict.INTERRUPTED, f.input().runId(), f.runDir(), f.input().tornTail()));
        if (RollbackOutcomes.of(f.input().steps(), f.input().entries()).isPresent()) {
            // execute --resume refuses a run being rolled back: the rollback continues instead.
            NextStep rollback = new NextStep(
                    "cutover rollback --run-dir " + NextStep.quote(f.runDir().toString()),
                    "continues the rollback where it stopped");
            next.set(next.size() - 1, rollback);
        }
        // Only cutover rehearse writes a rehearsal's evidence: it continues the execute or the rollback itself.
        RehearsalNext.of(f.input(), f.runDir(), true).ifPresent(rehearsal -> {
            next.clear();
            next.addAll(rehearsal);
        });
        // A copy: adapt returns the very list when the run was not the pipeline's.
        List<NextStep> adapted = List.copyOf(PipelineNext.adapt(next, f.input().entries(), f.runDir()));
        next.clear();
        next.addAll(adapted);
        String line = "interrupted (crashed or killed) at " + where;
        if (f.input().tornTail()) {
            line += "; the journal ends in a torn line — repair with "
                    + next.get(0).command() + ", then resume with "
                    + next.get(1).command();
        } else {
            line += " — resume with " + next.get(0).command();
        }
        return new Situation(RunActivity.INTERRUPTED, null, line, next.get(0).command());
    }
}
