package dev.cutover.report;

import dev.cutover.journal.JournalEntry;
import java.util.List;
import java.util.function.Function;

/** The report's per-step lists: skipped with reasons, failed with their stderr logs, in flight, blocked. */
final class StepSections {
    private final List<StepOutcome> outcomes;
    private final StepDetails details;

    StepSections(List<StepOutcome> outcomes, List<JournalEntry> entries) {
        this.outcomes = outcomes;
        this.details = new StepDetails(entries);
    }

    void skipped(StringBuilder md) {
        section(md, "Skipped steps", StepState.SKIPPED, o -> ": " + MarkdownText.prose(details.skipReason(o.stepId())));
    }

    void failed(StringBuilder md) {
        section(md, "Failed steps", StepState.FAILED, o -> {
            String log = StepDetails.stderrLog(o.stepId());
            String tail = details.lastStderrLine(o.stepId())
                    .map(line -> "last stderr line: " + MarkdownText.code(line))
                    .orElse("no stderr recorded");
            String why = details.failureWhy(o.stepId())
                    .map(notes -> "why: " + MarkdownText.prose(notes) + ", ")
                    .orElse("");
            return ": [" + log + "](" + log + "), " + why + tail;
        });
    }

    void inFlight(StringBuilder md) {
        if (outcomes.stream().anyMatch(o -> o.state() == StepState.IN_FLIGHT)) {
            section(
                    md,
                    "Steps in flight (counted as pending)",
                    StepState.IN_FLIGHT,
                    o -> o.history()
                            .map(h -> ": last event " + h.lastEvent().wireName() + " at "
                                    + ReportTime.format(h.lastEventAt()))
                            .orElse(""));
        }
    }

    void blocked(StringBuilder md) {
        if (outcomes.stream().anyMatch(o -> o.state() == StepState.BLOCKED)) {
            section(
                    md,
                    "Blocked steps",
                    StepState.BLOCKED,
                    o -> ": requires "
                            + String.join(
                                    ", ",
                                    o.step().requires().stream()
                                            .map(MarkdownText::code)
                                            .toList()));
        }
    }

    private void section(StringBuilder md, String title, StepState state, Function<StepOutcome, String> detail) {
        md.append("## ").append(title).append("\n\n");
        List<StepOutcome> matching =
                outcomes.stream().filter(o -> o.state() == state).toList();
        if (matching.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        matching.forEach(o -> md.append("- ")
                .append(MarkdownText.code(o.stepId()))
                .append(detail.apply(o))
                .append('\n'));
        md.append('\n');
    }
}
