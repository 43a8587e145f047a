package dev.cutover.compile;

import dev.cutover.input.DataMigrationPlan;
import dev.cutover.input.Inputs;
import dev.cutover.input.MigrationPlan;
import dev.cutover.input.Plane;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Picks a step's rollback: the checklist item's own {@code rollback_command} when it has one (our extension),
 * else the migration plan's (FORMATS.md §4.7): the plan phase P follows from what the step does,
 * {@code steps[0]} is the command, the other steps go to notes. A plan rollback that names a datastore is
 * offered only on data-plane steps on that datastore, so a failed KMS grant or a scaffold apply never offers to
 * delete a database.
 */
final class RollbackResolver {
    /** §4.7 (R): the migration-plan phase a control-plane module's apply belongs to. */
    static final Map<String, Integer> MODULE_PHASE =
            Map.of("networking", 1, "storage", 2, "databases", 3, "compute", 4);

    private final Inputs inputs;
    /**
     * {@link #namedDatastore} by text. Every step of a plan phase asks about the same text, its {@code steps[0]};
     * building a pattern per datastore for each step cost steps × datastores pattern compilations, about half of
     * a compile (docs/performance.md).
     */
    private final Map<String, Optional<String>> namedDatastores = new HashMap<>();

    RollbackResolver(Inputs inputs) {
        this.inputs = inputs;
    }

    Rollback resolve(ItemContext ctx, boolean mutating) {
        String own = ctx.at().item().rollbackCommand();
        if (mutating && own != null && !own.isBlank()) {
            // The item's author wrote this undo for this change: it wins over the phase-level plan rollback.
            return new Rollback(own, itemSource(ctx.at()), null, List.of());
        }
        Optional<Integer> number = mutating ? planPhase(ctx) : Optional.empty();
        Optional<MigrationPlan.Phase> phase =
                number.flatMap(n -> inputs.migrationPlan().phase(n));
        if (phase.isEmpty() || phase.get().rollback() == null) {
            return Rollback.none();
        }
        MigrationPlan.Rollback plan = phase.get().rollback();
        List<String> notes = new ArrayList<>();
        for (int i = 1; i < plan.steps().size(); i++) {
            notes.add("ROLLBACK STEP " + (i + 1) + ": " + plan.steps().get(i));
        }
        if (plan.steps().isEmpty()) {
            // Nothing is offered, so there is no window to show either.
            return new Rollback("", Rollback.NONE, null, notes);
        }
        String first = plan.steps().get(0);
        Optional<String> named = namedDatastores.computeIfAbsent(first, this::namedDatastore);
        if (named.isPresent()
                && !(ctx.at().plane() == Plane.DP
                        && named.get().equals(ctx.at().item().datastoreArn()))) {
            notes.add(0, "PLAN ROLLBACK (not offered): " + first);
            return new Rollback("", Rollback.NONE, null, notes);
        }
        String source = "migration-plan.phases[number=" + number.get() + "].rollback.steps[0]";
        return new Rollback(first, source, plan.rollbackWindowMinutes(), notes);
    }

    /** Where an item's own rollback comes from: {@code cutover-checklist-data-plane.items[id=x].rollback_command}. */
    static String itemSource(SourceItem at) {
        String file = at.plane().jsonFile();
        return file.substring(0, file.length() - ".json".length()) + ".items[id="
                + at.item().id() + "].rollback_command";
    }

    /** §4.7 (R): which migration-plan phase's rollback undoes this step, if any. */
    private static Optional<Integer> planPhase(ItemContext ctx) {
        SourceItem at = ctx.at();
        if (at.plane() == Plane.CP) {
            if ("terraform-apply".equals(ctx.action())) {
                return Optional.ofNullable(MODULE_PHASE.get(at.item().terraformModule()));
            }
            boolean awsCli = "aws-cli".equals(ctx.action());
            return awsCli && at.phaseNumber() >= 1 && at.phaseNumber() <= 4
                    ? Optional.of(at.phaseNumber())
                    : Optional.empty();
        }
        String type = ctx.resourceType() == null ? "" : ctx.resourceType();
        if (at.phaseNumber() == 2 && at.item().datastoreArn() != null) {
            if (type.startsWith("AWS::S3::")) {
                return Optional.of(2);
            }
            if (type.startsWith("AWS::RDS::")) {
                return Optional.of(3);
            }
        }
        if (at.phaseNumber() == 4 && "route53-change".equals(ctx.action())) {
            return Optional.of(5);
        }
        return Optional.empty();
    }

    /** The datastore whose last ARN segment occurs in the text as a whole word. */
    private Optional<String> namedDatastore(String text) {
        for (DataMigrationPlan.Datastore store : inputs.dataMigrationPlan().datastores()) {
            String segment = Arns.lastSegment(store.resourceArn());
            Pattern word = Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(segment) + "(?![A-Za-z0-9_-])");
            if (!segment.isEmpty() && word.matcher(text).find()) {
                return Optional.of(store.resourceArn());
            }
        }
        return Optional.empty();
    }
}
