package dev.cutover.report;

import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.PlanDigest;
import java.util.List;
import java.util.Optional;

/**
 * Whether {@code execution-steps.json} is still the plan the run started with, as its journal recorded it
 * ({@link PlanDigest}). {@code cutover status} shows it so an operator learns that resume and rollback will refuse
 * (PLAN_DRIFT) before trying, and which file to restore.
 *
 * @param startedWith the digest the journal's first lock entry recorded (hex), or null when none recorded one
 * @param recordedIn the journal entry that recorded it, or null
 * @param stepsFile the digest of the steps file now (hex), or null when there is no steps file
 * @param matches whether the two are equal; null when either is unknown
 */
public record PlanCheck(String startedWith, String recordedIn, String stepsFile, Boolean matches) {
    private static final String STEPS = "execution-steps.json";

    /** The check for a journal's {@code entries} and the steps file's bytes ({@code null}: no steps file). */
    public static PlanCheck of(List<JournalEntry> entries, byte[] stepsBytes) {
        Optional<PlanDigest.Recorded> started = PlanDigest.startedWith(entries);
        String now = stepsBytes == null ? null : PlanDigest.of(stepsBytes).sha256();
        String recorded = started.map(r -> r.digest().sha256()).orElse(null);
        Boolean matches = now == null || recorded == null ? null : now.equals(recorded);
        return new PlanCheck(recorded, started.map(PlanDigest.Recorded::entryId).orElse(null), now, matches);
    }

    /** One line for a terminal, after "Plan: ". */
    public String line() {
        if (Boolean.TRUE.equals(matches)) {
            return STEPS + " sha256 " + shortForm(stepsFile) + ", the plan the run started with (" + recordedIn + ")";
        }
        if (Boolean.FALSE.equals(matches)) {
            return STEPS + " (sha256 " + shortForm(stepsFile) + ") is NOT the plan the run started with (sha256 "
                    + shortForm(startedWith) + ", entry " + recordedIn + "): resume and rollback refuse (PLAN_DRIFT)"
                    + " until the inputs and " + STEPS + " the run started with are back";
        }
        if (startedWith != null) {
            return STEPS + " is missing; the run started with sha256 " + shortForm(startedWith) + " (" + recordedIn
                    + "): restore it before resuming";
        }
        return stepsFile == null
                ? "no " + STEPS + " and no recorded plan digest"
                : STEPS + " sha256 " + shortForm(stepsFile) + "; the journal records no plan digest (the run started"
                        + " before Cutover recorded one)";
    }

    private static String shortForm(String hex) {
        return hex.substring(0, 12);
    }
}
