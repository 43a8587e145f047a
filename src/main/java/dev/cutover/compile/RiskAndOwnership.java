package dev.cutover.compile;

import dev.cutover.input.HardcodedValues;
import dev.cutover.input.Inputs;
import dev.cutover.input.MigrationPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Irreversibility, risk, owner and manual-review notes of a step (FORMATS.md §4.8). Approval is always
 * required; these only inform the prompt and the go/no-go high-scrutiny count.
 */
final class RiskAndOwnership {
    private static final Set<String> IRREVERSIBLE_ACTIONS =
            Set.of("route53-change", "dms-promote", "rds-promote-read-replica");
    private static final Set<String> LOW_RISK_ACTIONS =
            Set.of("manual-decision", "verify-only", "k8s-redeploy-handoff");
    private static final Set<String> HIGH_RISK_ACTIONS = Set.of("freeze-writes", "traffic-shift");
    private static final Map<String, Integer> RANK = Map.of("low", 0, "medium", 1, "high", 2);

    private final Inputs inputs;

    RiskAndOwnership(Inputs inputs) {
        this.inputs = inputs;
    }

    static boolean irreversible(Boolean itemFlag, String action) {
        return Boolean.TRUE.equals(itemFlag) || IRREVERSIBLE_ACTIONS.contains(action);
    }

    /** First match wins, in the order FORMATS.md §4.8 lists the rules. */
    String risk(ItemContext ctx, boolean irreversible) {
        String action = ctx.action();
        if (LOW_RISK_ACTIONS.contains(action)) {
            return "low";
        }
        if (irreversible || HIGH_RISK_ACTIONS.contains(action)) {
            return "high";
        }
        Optional<String> planned =
                highest(ctx.resourceArn(), inputs.migrationPlan().phases());
        if (planned.isPresent()) {
            return planned.get();
        }
        if ("terraform-apply".equals(action)) {
            Integer phase = RollbackResolver.MODULE_PHASE.get(ctx.at().item().terraformModule());
            Optional<String> phaseRisk = phase == null
                    ? Optional.empty()
                    : inputs.migrationPlan().phase(phase).flatMap(p -> highest(null, List.of(p)));
            return phaseRisk.orElse("medium");
        }
        return "medium";
    }

    /** Highest risk among plan steps listing the ARN (any step when arn is null). */
    private static Optional<String> highest(String arn, List<MigrationPlan.Phase> phases) {
        String best = null;
        for (MigrationPlan.Phase phase : phases) {
            for (MigrationPlan.Step step : phase.steps()) {
                boolean matches = arn == null || step.resources().contains(arn);
                if (matches
                        && RANK.containsKey(step.risk())
                        && (best == null || RANK.get(step.risk()) > RANK.get(best))) {
                    best = step.risk();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The team listing the resource in resource-ownership.json, else the item's owner_team. */
    String owner(String resourceArn, String itemOwner) {
        return inputs.resourceOwnership().ownerOf(resourceArn).orElse(itemOwner);
    }

    /** Reasons of manual_review_required entries matching the ARN (equal value, or service + name). */
    List<String> manualReviewReasons(String arn) {
        List<String> reasons = new ArrayList<>();
        if (arn == null || !arn.startsWith("arn:")) {
            return reasons;
        }
        String service = Arns.service(arn).orElse("");
        String name = Arns.lastSegment(arn);
        for (HardcodedValues.ReviewItem entry : inputs.hardcodedValues().manualReviewRequired()) {
            String[] location =
                    entry.location() == null ? new String[0] : entry.location().split(":");
            boolean byLocation = location.length >= 2 && location[0].equals(service) && location[1].equals(name);
            if ((arn.equals(entry.value()) || byLocation) && entry.reason() != null) {
                reasons.add(entry.reason());
            }
        }
        return reasons;
    }
}
