package dev.cutover.review;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Each phase's rollback path fits in the recovery time objective ({@link RtoAssessment} says how both are
 * found). Over the RTO fails; no RTO declared anywhere warns once.
 */
public final class RtoCheck implements ReviewCheck {
    static final String NAME = "rto";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> findings(ReviewContext context) {
        RtoAssessment rto = RtoAssessment.of(context);
        if (!rto.declared()) {
            String longest = rto.phases().stream()
                    .max(Comparator.comparingLong(RtoAssessment.PhaseRollback::estimateMinutes))
                    .map(p -> "; the longest rollback path is " + p.phase() + " at " + p.estimateMinutes() + " min")
                    .orElse("");
            return List.of(Finding.warn(
                    NAME,
                    Subjects.RTO_MINUTES,
                    "no RTO is declared (cutover.yaml rto_minutes, or rto_target_minutes of any datastore), so no"
                            + " rollback time is checked" + longest,
                    "set rto_minutes in cutover.yaml, or rto_target_minutes per datastore in"
                            + " data-migration-plan.json"));
        }
        if (rto.phases().isEmpty()) {
            return List.of(
                    Finding.pass(NAME, Subjects.RTO_MINUTES, "no step carries a rollback command: nothing to time"));
        }
        return rto.phases().stream().map(RtoCheck::judge).toList();
    }

    private static Finding judge(RtoAssessment.PhaseRollback p) {
        String path = p.phase() + " " + p.name() + ": rollback estimated at " + p.estimateMinutes() + " min ("
                + p.steps().stream()
                        .map(s -> s.stepId() + " " + (s.estimated() ? s.minutes() + " min" : "no time box"))
                        .collect(Collectors.joining(", "))
                + ")";
        if (p.rtoMinutes() == null) {
            return Finding.pass(
                    NAME, p.subject(), path + "; no RTO applies (it touches no datastore with rto_target_minutes)");
        }
        String against = "RTO " + p.rtoMinutes() + " min (" + p.rtoSource() + ")";
        if (p.overRto()) {
            return Finding.fail(
                    NAME,
                    p.subject(),
                    path + " exceeds the " + against,
                    "shorten this phase's rollback (faster rollback commands, fewer steps to undo, time boxes that"
                            + " match the real rollback) or agree a longer RTO");
        }
        if (!p.unestimated().isEmpty()) {
            return Finding.warn(
                    NAME,
                    p.subject(),
                    path + " is within the " + against + ", but " + String.join(", ", p.unestimated())
                            + " has no time box, so its undo time is unknown",
                    "give every step with a rollback a time_box_minutes in its checklist");
        }
        return Finding.pass(NAME, p.subject(), path + ", within the " + against);
    }
}
