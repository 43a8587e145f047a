package dev.cutover.review;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.input.FreezeWindow;
import dev.cutover.input.Plane;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * No lost writes: every datastore that takes writes during the cutover has a write freeze, and the freeze begins
 * before the datastore's last copy. A datastore takes writes when the data-migration plan says its freeze is
 * required, or when a data-plane step freezes it; the plan's explicit "no freeze" (with a reason, or a strategy
 * that keeps the target current) is accepted. docs/commands/review.md has the full rule.
 */
public final class FreezeCoverageCheck implements ReviewCheck {
    static final String NAME = "freeze";

    /** Strategies that keep the target current until the switch, so no final copy is needed under a freeze. */
    static final Set<String> CONTINUOUS_MODES = Set.of("continuous-replication", "live-cutover");

    private static final String WINDOWS = Plane.DP.jsonFile() + " freeze_windows";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> findings(ReviewContext context) {
        Map<String, Integer> positions = context.positions();
        return DatastoreFacts.of(context).stream()
                .map(d -> d.windows().isEmpty() ? unfrozen(d) : frozen(context, d, positions))
                .toList();
    }

    private static Finding unfrozen(DatastoreFacts d) {
        String subject = subject(d);
        if (Boolean.TRUE.equals(d.freezeRequired()) || !d.freezeSteps().isEmpty()) {
            String why = Boolean.TRUE.equals(d.freezeRequired())
                    ? "data-migration-plan.json requires a write freeze: freeze_window.required"
                    : "step " + d.freezeSteps().get(0).stepId() + " freezes it";
            return Finding.fail(
                    NAME,
                    subject,
                    d.label() + " takes writes during the cutover (" + why + ") but " + WINDOWS
                            + " has no window for it: writes made after its last copy are lost",
                    "add a freeze window for " + d.arn() + " to " + WINDOWS
                            + " (begins_at_step_id: its freeze-writes step, release_step_id: the step that lifts it)");
        }
        if (Boolean.FALSE.equals(d.freezeRequired())) {
            return noFreezeNeeded(d, subject);
        }
        if (d.copies().isEmpty()) {
            return Finding.pass(NAME, subject, d.label() + ": no step copies it and nothing asks for a freeze");
        }
        return Finding.warn(
                NAME,
                subject,
                d.label() + " is copied by " + d.copies().get(0).stepId()
                        + " but nothing says whether its source takes writes during the cutover",
                "state it in data-migration-plan.json (freeze_window.required, with notes) and, if writes continue,"
                        + " add a freeze window to " + WINDOWS);
    }

    private static Finding noFreezeNeeded(DatastoreFacts d, String subject) {
        String notes = d.freezeNotes() == null ? "" : d.freezeNotes().strip();
        boolean copyOnce = DatastoreFacts.COPY_ONCE_MODES.contains(d.mode());
        if (notes.isEmpty() && copyOnce && !d.copies().isEmpty()) {
            return Finding.warn(
                    NAME,
                    subject,
                    d.label() + ": the plan needs no freeze, without saying why, yet its " + d.mode()
                            + " copy misses writes made after it",
                    "confirm its source takes no writes during the cutover and say so in freeze_window.notes, or"
                            + " require a freeze");
        }
        return Finding.pass(
                NAME,
                subject,
                d.label() + ": no freeze needed, says the data-migration plan"
                        + (notes.isEmpty() ? " (strategy " + d.mode() + ")" : ": " + notes));
    }

    private static Finding frozen(ReviewContext context, DatastoreFacts d, Map<String, Integer> positions) {
        FreezeWindow w =
                context.inputs().dataPlane().freezeWindows().get(d.windows().get(0));
        String subject = subject(d);
        int begin = positions.getOrDefault(w.beginsAtStepId(), -1);
        int release = w.releaseStepId() == null
                ? Integer.MAX_VALUE
                : positions.getOrDefault(w.releaseStepId(), Integer.MAX_VALUE);
        String stops = d.label() + ": writes stop at " + w.beginsAtStepId();
        if (d.copies().isEmpty()) {
            return Finding.pass(NAME, subject, stops + "; no step copies its data");
        }
        if (CONTINUOUS_MODES.contains(d.mode())) {
            return Finding.pass(NAME, subject, stops + "; " + d.mode() + " keeps the target current until then");
        }
        List<ExecutionStep> underFreeze = d.copies().stream()
                .filter(s -> positions.get(s.stepId()) > begin && positions.get(s.stepId()) < release)
                .toList();
        if (!underFreeze.isEmpty()) {
            return Finding.pass(
                    NAME,
                    subject,
                    stops + ", before its final copy "
                            + underFreeze.get(underFreeze.size() - 1).stepId());
        }
        ExecutionStep last = d.copies().get(d.copies().size() - 1);
        String message = stops + ", but its last copy " + last.stepId()
                + " runs before that: writes made between the two reach only the source and are lost at the switch";
        String fix = "add a final copy of " + d.arn() + " (delta sync, final snapshot and restore) after "
                + w.beginsAtStepId() + ", or begin the freeze before " + last.stepId();
        return DatastoreFacts.COPY_ONCE_MODES.contains(d.mode())
                ? Finding.fail(NAME, subject, message, fix)
                : Finding.warn(NAME, subject, message + " (unless its strategy keeps the target current)", fix);
    }

    /** The plan entry when the plan lists the datastore, else the first step that touches it, else its window. */
    private static String subject(DatastoreFacts d) {
        if (d.planIndex() >= 0) {
            return Subjects.datastore(d.planIndex());
        }
        if (!d.freezeSteps().isEmpty()) {
            return d.freezeSteps().get(0).stepId();
        }
        return d.copies().isEmpty()
                ? Subjects.freezeWindow(d.windows().get(0))
                : d.copies().get(0).stepId();
    }
}
