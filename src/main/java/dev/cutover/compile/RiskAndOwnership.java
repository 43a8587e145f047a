package dev.cutover.compile;

import dev.cutover.input.HardcodedValues;
import dev.cutover.input.Inputs;
import dev.cutover.input.MigrationPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
    /**
     * Indexed once per compile: asking resource-ownership.json, every migration-plan step and every manual-review
     * entry for each step cost steps × (owned resources + plan resources + entries) (docs/performance.md).
     */
    private final Map<String, String> owners;

    private final PlanRisks planRisks;
    private final ManualReviews manualReviews;
    /** §4.7 phase number ⇒ the highest risk of any step of that migration-plan phase (terraform-apply). */
    private final Map<Integer, Optional<String>> phaseRisks = new HashMap<>();

    RiskAndOwnership(Inputs inputs) {
        this.inputs = inputs;
        this.owners = inputs.resourceOwnership().ownersByArn();
        this.planRisks = new PlanRisks(inputs.migrationPlan().phases());
        this.manualReviews = new ManualReviews(inputs.hardcodedValues().manualReviewRequired());
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
        Optional<String> planned = planRisks.highest(ctx.resourceArn());
        if (planned.isPresent()) {
            return planned.get();
        }
        if ("terraform-apply".equals(action)) {
            Integer phase = RollbackResolver.MODULE_PHASE.get(ctx.at().item().terraformModule());
            Optional<String> phaseRisk = phase == null
                    ? Optional.empty()
                    : phaseRisks.computeIfAbsent(
                            phase,
                            n -> inputs.migrationPlan().phase(n).flatMap(p -> new PlanRisks(List.of(p)).highest(null)));
            return phaseRisk.orElse("medium");
        }
        return "medium";
    }

    /** The team listing the resource in resource-ownership.json, else the item's owner_team. */
    String owner(String resourceArn, String itemOwner) {
        String owner = owners.get(resourceArn);
        return owner == null ? itemOwner : owner;
    }

    /** Reasons of manual_review_required entries matching the ARN (equal value, or service + name). */
    List<String> manualReviewReasons(String arn) {
        return manualReviews.reasons(arn);
    }

    /** The highest risk of the migration-plan steps listing each resource, and of all of them. */
    static final class PlanRisks {
        private final Map<String, String> byResource = new HashMap<>();
        private String overall;

        PlanRisks(List<MigrationPlan.Phase> phases) {
            for (MigrationPlan.Phase phase : phases) {
                for (MigrationPlan.Step step : phase.steps()) {
                    if (RANK.containsKey(step.risk())) {
                        overall = higher(overall, step.risk());
                        for (String resource : step.resources()) {
                            byResource.put(resource, higher(byResource.get(resource), step.risk()));
                        }
                    }
                }
            }
        }

        /** Highest risk among plan steps listing the ARN (any step when arn is null). */
        Optional<String> highest(String arn) {
            return Optional.ofNullable(arn == null ? overall : byResource.get(arn));
        }

        private static String higher(String best, String risk) {
            return best == null || RANK.get(risk) > RANK.get(best) ? risk : best;
        }
    }

    /**
     * The manual_review_required entries by value and by location (the first two {@code location} fields): a step
     * gets the reasons of every entry matching its ARN either way, each once, in the file's order.
     */
    static final class ManualReviews {
        private record Location(String service, String name) {}

        private final List<HardcodedValues.ReviewItem> entries;
        private final Map<String, List<Integer>> byValue = new HashMap<>();
        private final Map<Location, List<Integer>> byLocation = new HashMap<>();

        ManualReviews(List<HardcodedValues.ReviewItem> entries) {
            this.entries = List.copyOf(entries);
            for (int i = 0; i < this.entries.size(); i++) {
                HardcodedValues.ReviewItem entry = this.entries.get(i);
                if (entry.reason() == null) {
                    continue;
                }
                if (entry.value() != null) {
                    byValue.computeIfAbsent(entry.value(), v -> new ArrayList<>())
                            .add(i);
                }
                String[] location = entry.location() == null
                        ? new String[0]
                        : entry.location().split(":");
                if (location.length >= 2) {
                    byLocation
                            .computeIfAbsent(new Location(location[0], location[1]), l -> new ArrayList<>())
                            .add(i);
                }
            }
        }

        /** Reasons of entries matching the ARN (equal value, or service + name), in the entries' order. */
        List<String> reasons(String arn) {
            List<String> reasons = new ArrayList<>();
            if (arn == null || !arn.startsWith("arn:")) {
                return reasons;
            }
            // Positions in the file, each once: an entry matching both ways gives its reason once.
            Set<Integer> matching = new TreeSet<>(byValue.getOrDefault(arn, List.of()));
            matching.addAll(byLocation.getOrDefault(
                    new Location(Arns.service(arn).orElse(""), Arns.lastSegment(arn)), List.of()));
            matching.forEach(i -> reasons.add(entries.get(i).reason()));
            return reasons;
        }
    }
}
