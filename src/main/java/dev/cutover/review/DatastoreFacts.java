package dev.cutover.review;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.PointOfNoReturn;
import dev.cutover.input.DataMigrationPlan;
import dev.cutover.input.FreezeWindow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the inputs say about one datastore's writes during the cutover: the data-migration plan's freeze policy and
 * strategy, the data-plane steps that copy it or freeze it, and the checklist's freeze windows on it.
 *
 * @param arn the datastore's ARN
 * @param planIndex its position in data-migration-plan.json {@code datastores}, or -1 when the plan omits it
 * @param plan its data-migration-plan entry, or null
 * @param copies data-plane steps that move its data (transfers, syncs, restores), in execution order
 * @param freezeSteps its freeze-writes steps, in execution order
 * @param windows positions of its entries in the checklist's {@code freeze_windows}
 */
record DatastoreFacts(
        String arn,
        int planIndex,
        DataMigrationPlan.Datastore plan,
        List<ExecutionStep> copies,
        List<ExecutionStep> freezeSteps,
        List<Integer> windows) {
    /** Strategies that copy the data once (or once plus a delta): writes after the last copy are lost. */
    static final Set<String> COPY_ONCE_MODES = Set.of("bulk", "bulk-plus-delta", "snapshot-restore");

    DatastoreFacts {
        copies = List.copyOf(copies);
        freezeSteps = List.copyOf(freezeSteps);
        windows = List.copyOf(windows);
    }

    /** Every datastore of the plan (file order), then every other datastore a data-plane step copies or freezes. */
    static List<DatastoreFacts> of(ReviewContext context) {
        Map<String, Builder> byArn = new LinkedHashMap<>();
        List<DataMigrationPlan.Datastore> stores =
                context.inputs().dataMigrationPlan().datastores();
        for (int i = 0; i < stores.size(); i++) {
            Builder b = byArn.computeIfAbsent(stores.get(i).resourceArn(), Builder::new);
            if (b.plan == null) {
                b.planIndex = i;
                b.plan = stores.get(i);
            }
        }
        for (ExecutionStep s : context.steps()) {
            boolean copy = PointOfNoReturn.DATA_MOVING_ACTIONS.contains(s.action());
            boolean freeze = "freeze-writes".equals(s.action());
            if (s.datastoreArn() != null && "dp".equals(s.plane()) && (copy || freeze)) {
                Builder b = byArn.computeIfAbsent(s.datastoreArn(), Builder::new);
                (copy ? b.copies : b.freezeSteps).add(s);
            }
        }
        List<FreezeWindow> windows = context.inputs().dataPlane().freezeWindows();
        for (int i = 0; i < windows.size(); i++) {
            byArn.computeIfAbsent(windows.get(i).datastoreArn(), Builder::new)
                    .windows
                    .add(i);
        }
        return byArn.values().stream().map(Builder::build).toList();
    }

    /** The plan's explicit answer to "must writes stop?", or null when the plan has no freeze_window for it. */
    Boolean freezeRequired() {
        return plan == null || plan.freezeWindow() == null
                ? null
                : plan.freezeWindow().required();
    }

    /** The plan's strategy mode, or null. */
    String mode() {
        return plan == null || plan.strategy() == null ? null : plan.strategy().mode();
    }

    /** The plan's note on the freeze (why none is needed, or how it is enforced), or null. */
    String freezeNotes() {
        return plan == null || plan.freezeWindow() == null
                ? null
                : plan.freezeWindow().notes();
    }

    /** How people name it: the ARN, with the plan's name when it has one. */
    String label() {
        return plan == null || plan.name() == null || plan.name().isBlank() ? arn : arn + " (" + plan.name() + ")";
    }

    private static final class Builder {
        final String arn;
        int planIndex = -1;
        DataMigrationPlan.Datastore plan;
        final List<ExecutionStep> copies = new ArrayList<>();
        final List<ExecutionStep> freezeSteps = new ArrayList<>();
        final List<Integer> windows = new ArrayList<>();

        Builder(String arn) {
            this.arn = arn;
        }

        DatastoreFacts build() {
            return new DatastoreFacts(arn, planIndex, plan, copies, freezeSteps, windows);
        }
    }
}
