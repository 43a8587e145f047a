package dev.cutover.compile;

import java.util.List;

/**
 * Upstream's approval-forcing criteria, kept only to count "high-scrutiny" steps at go/no-go (FORMATS.md
 * §4.8): every step is approved anyway. A step qualifies when its risk is high, its action deletes,
 * promotes or changes DNS, or its resource is in {@code manual_review_required} (the compiler has then
 * added a {@code MANUAL REVIEW:} note).
 */
public final class HighScrutiny {
    private static final List<String> ACTION_WORDS = List.of("delete", "promote", "route53-change");

    private HighScrutiny() {}

    public static boolean test(ExecutionStep step) {
        boolean riskyAction = step.action() != null && ACTION_WORDS.stream().anyMatch(step.action()::contains);
        boolean reviewed = step.notes() != null && step.notes().contains(StepAssembler.MANUAL_REVIEW);
        return "high".equals(step.risk()) || riskyAction || reviewed;
    }

    public static long count(Plan plan) {
        return plan.steps().stream().filter(HighScrutiny::test).count();
    }
}
