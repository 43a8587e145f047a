package dev.cutover.review;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.PointOfNoReturn;
import dev.cutover.input.FreezeWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every mutating command step can be undone: it carries a rollback command, or it is marked irreversible (and so
 * sits at or after the point of no return), or it begins a write freeze whose release step lifts it again.
 * Read-only checks, human steps and the handoff run no command to undo and are not reviewed here.
 */
public final class RollbackCoverageCheck implements ReviewCheck {
    static final String NAME = "rollback";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> findings(ReviewContext context) {
        Optional<PointOfNoReturn> pnr = context.pointOfNoReturn();
        List<Finding> out = new ArrayList<>();
        for (ExecutionStep step : context.steps()) {
            if (step.mutating() && !step.human() && !step.handoff()) {
                out.add(judge(context, step, pnr));
            }
        }
        return out;
    }

    private static Finding judge(ReviewContext context, ExecutionStep step, Optional<PointOfNoReturn> pnr) {
        String id = step.stepId();
        if (!step.rollbackCmd().isBlank()) {
            return Finding.pass(NAME, id, "rollback from " + step.rollbackSource() + window(step));
        }
        if (step.irreversible()) {
            String point = pnr.map(PointOfNoReturn::stepId).orElse(id);
            return Finding.pass(
                    NAME,
                    id,
                    "irreversible, at or after the point of no return (" + point + "): it is not rolled back, it is"
                            + " confirmed twice");
        }
        Optional<FreezeWindow> freeze = releasedFreeze(context, step);
        if (freeze.isPresent() && pnr.map(p -> p.stepId().equals(id)).orElse(false)) {
            // The release lifts it going forward; a rollback has no command to lift it, so the plan marks it as
            // the point of no return. Say so here too, with the way to keep the rollback automatic.
            return Finding.warn(
                    NAME,
                    id,
                    "begins the write freeze on " + freeze.get().datastoreArn() + " (release step "
                            + freeze.get().releaseStepId() + " lifts it), but it has no rollback command: a rollback"
                            + " would leave the freeze in place, so it is the plan's point of no return",
                    "give checklist item " + step.checklistItemId() + " a rollback_command that lifts the freeze"
                            + " (what the release step runs), so a rollback can undo it");
        }
        if (freeze.isPresent()) {
            return Finding.pass(
                    NAME,
                    id,
                    "begins the write freeze on " + freeze.get().datastoreArn() + "; release step "
                            + freeze.get().releaseStepId() + " lifts it");
        }
        return Finding.fail(
                NAME,
                id,
                "mutating " + step.action() + " step without a rollback: if it or a later step fails, nothing"
                        + " undoes it" + pointOfNoReturnNote(step, pnr),
                "give it a rollback (a migration-plan.json phase rollback the compiler offers on it, or the checklist"
                        + " item's rollback_command; docs/compile-rules.md §7), or, if it cannot be undone, set"
                        + " \"irreversible\": true on checklist item " + step.checklistItemId());
    }

    private static String window(ExecutionStep step) {
        return step.rollbackWindowMinutes() == null
                ? ""
                : " (rollback window " + step.rollbackWindowMinutes() + " min)";
    }

    /** The freeze window this freeze-writes step begins, when that window has a release step in the plan. */
    private static Optional<FreezeWindow> releasedFreeze(ReviewContext context, ExecutionStep step) {
        if (!"freeze-writes".equals(step.action())) {
            return Optional.empty();
        }
        return context.inputs().dataPlane().freezeWindows().stream()
                .filter(w -> step.stepId().equals(w.beginsAtStepId()))
                .filter(w -> w.releaseStepId() != null
                        && context.step(w.releaseStepId()).isPresent())
                .findFirst();
    }

    // The compiler makes such a step the point of no return once data has moved: say so, it is rarely intended.
    private static String pointOfNoReturnNote(ExecutionStep step, Optional<PointOfNoReturn> pnr) {
        return pnr.filter(p -> p.stepId().equals(step.stepId()))
                .map(p -> "; it is the plan's point of no return only because of that")
                .orElse("");
    }
}
