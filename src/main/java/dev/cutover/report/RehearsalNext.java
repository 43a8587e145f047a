package dev.cutover.report;

import dev.cutover.journal.RehearsalSessions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What to run next in a rehearsal's run directory (docs/rehearsal.md): the journal says the run is a rehearsal
 * ({@link RehearsalSessions}), and only {@code cutover rehearse} writes its evidence, so an unfinished rehearsal —
 * stopped or killed in its execute or its rollback, or continued by hand with {@code execute --resume} or
 * {@code rollback} — is continued with {@code cutover rehearse --resume}, never with those two. A rehearsal whose
 * last session was a rehearse session that ended with nothing left to roll back is over: its evidence is written.
 */
final class RehearsalNext {
    /** The evidence file {@code cutover rehearse} writes into its run directory. */
    static final String EVIDENCE = "rehearsal-evidence.json";

    private RehearsalNext() {}

    /**
     * The steps for a rehearsal, first the one to run; empty when the journal does not say the run is one.
     *
     * @param interrupted whether the last session ended without recording an end (crash, kill)
     */
    static Optional<List<NextStep>> of(ReportInput input, Path runDir, boolean interrupted) {
        RehearsalSessions sessions = RehearsalSessions.of(input.entries());
        if (!sessions.any()) {
            return Optional.empty();
        }
        String dir = NextStep.quote(runDir.toString());
        NextStep resume = new NextStep(
                "cutover rehearse --run-dir " + dir + " --resume",
                "continues the rehearsal where it stopped (the execute, then the reverse rollback of every step)"
                        + " and writes " + EVIDENCE + "; only cutover rehearse writes it, not execute --resume or"
                        + " rollback");
        if (!input.tornTail() && !interrupted && sessions.last() && rollbackFinished(input)) {
            return Optional.of(List.of(
                    new NextStep(
                            "cutover verify-evidence "
                                    + NextStep.quote(runDir.resolve(EVIDENCE).toString())
                                    + " --run-dir <production run dir>",
                            "the rehearsal is over and " + EVIDENCE + " holds its outcome: copy it into the"
                                    + " production run directory (or its rehearsals/ folder); this checks it is a"
                                    + " successful rehearsal of that plan"),
                    new NextStep(resume.command(), "writes " + EVIDENCE + " again, should it be missing")));
        }
        List<NextStep> steps = new ArrayList<>();
        if (input.tornTail()) {
            steps.add(new NextStep(
                    "cutover repair --run-dir " + dir,
                    "moves the torn last journal line aside; the rehearsal cannot continue until it is repaired"));
        }
        steps.add(resume);
        return Optional.of(steps);
    }

    /** The reverse rollback ran and left nothing to continue (steps may remain: it did what it could). */
    private static boolean rollbackFinished(ReportInput input) {
        return RollbackOutcomes.of(input.steps(), input.entries())
                .map(r -> r.ids(RollbackOutcomes.Outcome.NOT_FINISHED).isEmpty()
                        && r.ids(RollbackOutcomes.Outcome.NOT_REACHED).isEmpty())
                .orElse(false);
    }
}
