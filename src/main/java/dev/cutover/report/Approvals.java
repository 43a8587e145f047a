package dev.cutover.report;

import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Counts approval prompts and the approvals that answered them. A given approval is a step-level
 * {@code approved} entry that is not a retry: its notes are null, or none of their {@code ;}-separated
 * parts begins with {@code retry}, {@code poll retry} or {@code resume retry}. So first approvals, handoff
 * approvals, {@code irreversible re-confirmation} and answers-file attributions count; the retry markers of
 * FORMATS.md §6.5/§6.7 and run-level confirmations ({@code cp-phase0-000-run}, e.g. a version-change
 * question on resume) do not.
 */
public final class Approvals {
    // A retry marker at the start of a notes part, as a whole word ("retry", "retry (answers file …)").
    private static final Pattern RETRY = Pattern.compile("^(?:retry|poll retry|resume retry)(?![A-Za-z0-9-])");

    private Approvals() {}

    /**
     * Every step-level {@code approval-requested} entry (a step asked again after a resume counts again); a gate
     * signature's question is journaled run-level and, like its signature, is no step approval.
     */
    public static int requested(List<JournalEntry> entries) {
        return (int) entries.stream()
                .filter(e -> e.event() == JournalEvent.APPROVAL_REQUESTED && !e.isRunLevel())
                .count();
    }

    /** Every {@code approved} entry that answered an approval prompt, as defined above. */
    public static int given(List<JournalEntry> entries) {
        return (int) entries.stream().filter(Approvals::answersPrompt).count();
    }

    static boolean answersPrompt(JournalEntry entry) {
        return entry.event() == JournalEvent.APPROVED && !entry.isRunLevel() && !isRetry(entry.notes());
    }

    static boolean isRetry(String notes) {
        if (notes == null) {
            return false;
        }
        for (String part : notes.split(";")) {
            if (RETRY.matcher(part.strip()).find()) {
                return true;
            }
        }
        return false;
    }
}
