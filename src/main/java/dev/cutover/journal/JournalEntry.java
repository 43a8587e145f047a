package dev.cutover.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One journal line after line 1 (FORMATS.md §3.2), validated on construction; the key order on disk is the
 * component order and nullable components are always written, as JSON null when not applicable.
 *
 * @param entryId {@code e1}, {@code e2}, … across the whole file
 * @param stepId the step, or {@link #RUN_STEP_ID} for run-level entries
 * @param phaseNumber 0..6, equal to the phase digit of {@code stepId}
 * @param event one of the closed list of events
 * @param at UTC instant with millisecond precision
 * @param operator who acted (written on every event)
 * @param cmd the exact command run, parameters substituted, or null
 * @param exitCode the command's exit code, or null
 * @param stdoutTail the last at most 2048 bytes of stdout, or null
 * @param stderrTail the last at most 2048 bytes of stderr, or null
 * @param pollState the parsed poll state, or null
 * @param notes free text (retry markers, captured values, runtime params), or null
 * @param prevSha256 lowercase hex SHA-256 of the previous line's bytes without its LF
 */
public record JournalEntry(
        String entryId,
        String stepId,
        int phaseNumber,
        JournalEvent event,
        Instant at,
        String operator,
        String cmd,
        Integer exitCode,
        String stdoutTail,
        String stderrTail,
        String pollState,
        String notes,
        String prevSha256) {

    /** The step id of run-level entries (lock, pre-flight failure, go/no-go cancel, resume questions). */
    public static final String RUN_STEP_ID = "cp-phase0-000-run";

    static final String ENTRY_ID_PATTERN = "^e[1-9][0-9]*$";
    static final String STEP_ID_PATTERN = "^(cp|dp)-phase[0-6]-[0-9]{3}-[a-z0-9]+(-[a-z0-9]+)*$";

    private static final Pattern STEP_ID = Pattern.compile(STEP_ID_PATTERN);
    private static final int PHASE_DIGIT_INDEX = "cp-phase".length();

    public JournalEntry {
        if (!isEntryId(entryId)) {
            throw new IllegalArgumentException("entry_id must match " + ENTRY_ID_PATTERN + ": " + entryId);
        }
        requireStep(stepId, phaseNumber);
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(at, "at");
        if (event.isApprovalClass() && (operator == null || operator.isBlank())) {
            throw new IllegalArgumentException("operator is required on " + event + " (FORMATS.md §3.2)");
        }
        if (!JournalTime.isRepresentable(at)) {
            throw new IllegalArgumentException("at must have millisecond precision in years 0000-9999: " + at);
        }
        requireTail(stdoutTail, "stdout_tail");
        requireTail(stderrTail, "stderr_tail");
        if (prevSha256 == null || !LineHash.SHAPE.matcher(prevSha256).matches()) {
            throw new IllegalArgumentException("prev_sha256 must be 64 lowercase hex digits: " + prevSha256);
        }
    }

    /** The numeric part of {@code entryId} ({@code e42} ⇒ 42). */
    public long sequence() {
        return Long.parseLong(entryId, 1, entryId.length(), 10);
    }

    /** True for run-level entries, which belong to no step. */
    public boolean isRunLevel() {
        return RUN_STEP_ID.equals(stepId);
    }

    static void requireStep(String stepId, int phaseNumber) {
        if (stepId == null || !STEP_ID.matcher(stepId).matches()) {
            throw new IllegalArgumentException("step_id must match " + STEP_ID_PATTERN + ": " + stepId);
        }
        if (phaseNumber < 0 || phaseNumber > 6) {
            throw new IllegalArgumentException("phase_number must be 0..6: " + phaseNumber);
        }
        int phaseInId = stepId.charAt(PHASE_DIGIT_INDEX) - '0';
        if (phaseInId != phaseNumber) {
            throw new IllegalArgumentException(
                    "phase_number " + phaseNumber + " differs from the phase in step_id " + stepId);
        }
    }

    // Equivalent to ENTRY_ID_PATTERN (bounded so the sequence fits a long), without a regex per line.
    private static boolean isEntryId(String id) {
        if (id == null || id.length() < 2 || id.length() > 19 || id.charAt(0) != 'e' || id.charAt(1) == '0') {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static void requireTail(String tail, String key) {
        // Counting first is cheap; only long tails pay for an exact encoding.
        if (tail != null && tail.length() > Tails.JOURNAL_TAIL_BYTES / 3) {
            int bytes = tail.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes > Tails.JOURNAL_TAIL_BYTES) {
                throw new IllegalArgumentException(
                        key + " is " + bytes + " bytes; at most " + Tails.JOURNAL_TAIL_BYTES + " are allowed");
            }
        }
    }
}
