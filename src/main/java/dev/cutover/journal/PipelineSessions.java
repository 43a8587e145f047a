package dev.cutover.journal;

import java.util.Arrays;
import java.util.List;

/**
 * Whether a run's last session was run by the CI pipeline ({@code --pipeline-approvals}, the files {@code cutover
 * prepare-pipeline} generated): its lock entry's notes carry {@value #NOTE}. Where the organisation allows changes
 * only through the pipeline, {@code cutover execute --resume} and {@code cutover rollback} from a terminal are
 * refused, so status and the report must name the pipeline's own modes instead.
 */
public final class PipelineSessions {
    /** The part of a lock entry's notes ({@code ; }-separated) that marks a pipeline session. */
    public static final String NOTE = "pipeline approvals";

    private PipelineSessions() {}

    /** Whether the last lock entry of {@code entries} marks a pipeline session. */
    public static boolean lastWasPipeline(List<JournalEntry> entries) {
        boolean last = false;
        for (JournalEntry e : entries) {
            if (e.event() == JournalEvent.LOCK_ACQUIRED || e.event() == JournalEvent.LOCK_TAKEN_OVER_FROM_STALE) {
                last = e.notes() != null
                        && Arrays.stream(e.notes().split(";"))
                                .anyMatch(part -> part.strip().equals(NOTE));
            }
        }
        return last;
    }
}
