package dev.cutover.report;

import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The report's per-step lists: skipped with reasons, failed with their stderr logs, in flight, blocked. */
final class StepSections {
    static final String SKIPPED_WITHOUT_NOTES = "skipped by operator";

    private final List<StepOutcome> outcomes;
    private final List<JournalEntry> entries;

    StepSections(List<StepOutcome> outcomes, List<JournalEntry> entries) {
        this.outcomes = outcomes;
        this.entries = entries;
    }

    void skipped(StringBuilder md) {
        section(md, "Skipped steps", StepState.SKIPPED, o -> {
            String reason = last(o.stepId(), e -> e.event() == JournalEvent.SKIPPED)
                    .map(JournalEntry::notes)
                    .filter(n -> !n.isBlank())
                    .orElse(SKIPPED_WITHOUT_NOTES);
            return ": " + MarkdownText.prose(reason);
        });
    }

    void failed(StringBuilder md) {
        section(md, "Failed steps", StepState.FAILED, o -> {
            String log = "execution/" + o.stepId() + ".stderr.log";
            String tail = last(
                            o.stepId(),
                            e -> e.stderrTail() != null && !e.stderrTail().isBlank())
                    .map(e -> "last stderr line: " + MarkdownText.code(lastLine(e.stderrTail())))
                    .orElse("no stderr recorded");
            String why = last(
                            o.stepId(),
                            e -> e.event() == dev.cutover.journal.JournalEvent.STEP_FAILED && e.notes() != null)
                    .map(e -> "why: " + MarkdownText.prose(e.notes()) + ", ")
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

    private Optional<JournalEntry> last(String stepId, java.util.function.Predicate<JournalEntry> filter) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            JournalEntry e = entries.get(i);
            if (e.stepId().equals(stepId) && filter.test(e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static String lastLine(String text) {
        String[] lines = text.split("\r?\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return "";
    }
}
