package dev.cutover.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Renders a {@link StatusView} for a terminal: a header of facts, then one aligned row per step. */
public final class StatusText {
    private StatusText() {}

    /** Writes the view; the caller flushes. */
    public static void render(StatusView view, PrintWriter out) {
        out.println("Run " + view.runId() + " in " + view.runDir());
        out.println("State: " + state(view));
        out.println("Now: " + view.waitingFor());
        out.println("Current step: " + (view.currentStepId() == null ? "none" : view.currentStepId()));
        StepCounts c = view.counts();
        out.println("Steps: " + c.total() + " total, " + c.succeeded() + " succeeded, " + c.skipped() + " skipped, "
                + c.failed() + " failed, " + c.inFlight() + " in flight, " + c.blocked() + " blocked, " + c.pending()
                + " pending");
        out.println("Plan: " + view.plan().line());
        for (FreezeRow f : view.activeFreezes()) {
            out.println("Freeze: " + f.datastoreArn() + " since " + ReportTime.format(f.startedAt()) + ", "
                    + f.elapsedMinutes() + " of " + f.durationMinutes() + " min"
                    + (f.overrun() ? " — OVERRUN by " + -f.remainingMinutes() + " min" : ""));
        }
        for (JobRow j : view.jobsInFlight()) {
            out.println("Job in flight: " + j.stepId() + ", last state " + MarkdownText.oneLine(j.lastState())
                    + ", running " + j.elapsedMinutes() + " min (since " + ReportTime.format(j.startedAt()) + ")");
        }
        out.println("Continue: "
                + (view.nextCommand() == null
                        ? "nothing to run; the run is live, answer its prompts in its terminal"
                        : view.nextCommand()));
        out.println();
        table(view, out);
    }

    private static String state(StatusView view) {
        LockInfo lock = view.lock();
        String holder = lock == null
                ? ""
                : " (pid " + lock.pid() + " on " + MarkdownText.oneLine(lock.host()) + ", operator "
                        + MarkdownText.oneLine(lock.operator()) + ", since " + ReportTime.format(lock.startedAt())
                        + ")";
        return switch (view.activity()) {
            case RUNNING ->
                "running"
                        + (lock == null
                                ? " (RUNNING.lock is missing or unreadable, but a live process holds the run"
                                        + " directory's OS lock .RUNNING.lock.flock)"
                                : holder);
            case INTERRUPTED -> "interrupted" + (lock == null ? " (no lock file)" : ", lock left by dead" + holder);
            case ENDED -> "ended" + (view.verdict() == null ? "" : ": " + view.verdict());
        };
    }

    private static void table(StatusView view, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STEP", "PHASE", "ACTION", "STATE", "LAST EVENT", "AT"});
        for (StatusRow r : view.steps()) {
            rows.add(new String[] {
                r.stepId(),
                r.phase(),
                MarkdownText.oneLine(r.action()),
                r.state(),
                r.lastEvent() == null ? "-" : r.lastEvent(),
                r.at() == null ? "-" : ReportTime.format(r.at())
            });
        }
        int[] widths = new int[6];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
