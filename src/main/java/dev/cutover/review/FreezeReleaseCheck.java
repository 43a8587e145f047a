package dev.cutover.review;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.input.FreezeWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every write freeze ends: each freeze window names a release step that the plan runs after the freeze begins, and
 * every freeze-writes step begins a window (else Cutover does not track the freeze and no step lifts it).
 */
public final class FreezeReleaseCheck implements ReviewCheck {
    static final String NAME = "freeze-release";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> findings(ReviewContext context) {
        Map<String, Integer> positions = context.positions();
        List<FreezeWindow> windows = context.inputs().dataPlane().freezeWindows();
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            out.add(judge(windows.get(i), Subjects.freezeWindow(i), positions));
        }
        Set<String> begins = windows.stream().map(FreezeWindow::beginsAtStepId).collect(Collectors.toSet());
        Set<String> windowed = windows.stream().map(FreezeWindow::datastoreArn).collect(Collectors.toSet());
        for (ExecutionStep s : context.steps()) {
            // A freeze step on a datastore without any window is reported once, by the freeze check.
            boolean reportedThere = s.datastoreArn() != null && !windowed.contains(s.datastoreArn());
            if ("freeze-writes".equals(s.action()) && !begins.contains(s.stepId()) && !reportedThere) {
                out.add(Finding.fail(
                        NAME,
                        s.stepId(),
                        "freeze-writes step that begins no freeze window: Cutover does not track this freeze and no"
                                + " step releases it",
                        "add a freeze_windows entry with begins_at_step_id " + s.stepId()
                                + " and the release_step_id that lifts it"));
            }
        }
        return out;
    }

    private static Finding judge(FreezeWindow w, String subject, Map<String, Integer> positions) {
        String freeze = "freeze on " + w.datastoreArn() + " begun by " + w.beginsAtStepId();
        String fix = "set release_step_id to the step that lifts the freeze (typically a post_cutover item after the"
                + " switch)";
        String release = w.releaseStepId();
        if (release == null || release.isBlank()) {
            return Finding.fail(NAME, subject, freeze + " has no release step: writes stay blocked", fix);
        }
        Integer at = positions.get(release);
        if (at == null) {
            return Finding.fail(
                    NAME, subject, freeze + ": release_step_id " + release + " names no step of the plan", fix);
        }
        if (at < positions.getOrDefault(w.beginsAtStepId(), -1)) {
            return Finding.fail(
                    NAME, subject, freeze + ": its release step " + release + " runs before the freeze begins", fix);
        }
        return Finding.pass(
                NAME, subject, freeze + ", released by " + release + " (planned " + w.durationMinutes() + " min)");
    }
}
