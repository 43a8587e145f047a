package dev.cutover.review;

import java.util.List;

/**
 * The checks {@code cutover review} runs, in the order their findings are printed. To add a check, implement
 * {@link ReviewCheck} and list it here.
 */
public final class ReviewChecks {
    private ReviewChecks() {}

    /** The standard checks, in order. */
    public static List<ReviewCheck> standard() {
        return List.of(
                new RollbackCoverageCheck(),
                new FreezeCoverageCheck(),
                new FreezeReleaseCheck(),
                new GateCheck(VagueCriteria.bundled()),
                new CommunicationCheck(),
                new RtoCheck(),
                new RehearsalCheck());
    }
}
