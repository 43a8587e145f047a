package dev.cutover.report;

import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the journal says about why a step ended where it did, as plain text: the Markdown and the HTML report
 * escape it their own way, so both show the same facts.
 */
final class StepDetails {
    static final String SKIPPED_WITHOUT_NOTES = "skipped by operator";

    private final List<JournalEntry> entries;

    StepDetails(List<JournalEntry> entries) {
        this.entries = entries;
    }

    /** The notes of the step's last {@code skipped} entry, else {@link #SKIPPED_WITHOUT_NOTES}. */
    String skipReason(String stepId) {
        return last(stepId, e -> e.event() == JournalEvent.SKIPPED)
                .map(JournalEntry::notes)
                .filter(n -> n != null && !n.isBlank())
                .orElse(SKIPPED_WITHOUT_NOTES);
    }

    /** The notes of the step's last {@code step-failed}: what failed, ending with the failure analysis. */
    Optional<String> failureWhy(String stepId) {
        return last(stepId, e -> e.event() == JournalEvent.STEP_FAILED && e.notes() != null)
                .map(JournalEntry::notes);
    }

    /** The last non-blank line of the step's latest stderr tail. */
    Optional<String> lastStderrLine(String stepId) {
        return last(stepId, e -> e.stderrTail() != null && !e.stderrTail().isBlank())
                .map(e -> lastLine(e.stderrTail()));
    }

    /** The step's stderr log, relative to the run directory (where the reports are). */
    static String stderrLog(String stepId) {
        return "execution/" + stepId + ".stderr.log";
    }

    private Optional<JournalEntry> last(String stepId, Predicate<JournalEntry> filter) {
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
