package dev.cutover.review;

import dev.cutover.input.Environment;
import dev.cutover.rehearsal.RehearsalEvidence;
import java.util.List;

/**
 * Rollback commands were exercised in a successful rehearsal of this same plan (docs/rehearsal.md): the run
 * directory's evidence verifies, names this plan's identity, and every rollback of the plan ran and undid its step.
 * Without it a production run is refused at pre-flight, so the review fails there; elsewhere it warns.
 */
final class RehearsalCheck implements ReviewCheck {
    private static final String NAME = "rehearsal";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> findings(ReviewContext context) {
        String subject = RehearsalEvidence.FILE;
        if (context.rehearsal().passed()) {
            return List.of(Finding.pass(NAME, subject, context.rehearsal().message()));
        }
        String fix = "run `cutover rehearse` in a staging copy of this run directory and copy its "
                + RehearsalEvidence.FILE + " here (or into " + RehearsalEvidence.FOLDER + "/)";
        String message = "rollbacks not shown to work in a rehearsal of this plan: "
                + context.rehearsal().message();
        return List.of(
                context.config().environment() == Environment.PRODUCTION
                        ? Finding.fail(NAME, subject, message + "; production execute refuses without it", fix)
                        : Finding.warn(NAME, subject, message, fix));
    }
}
