package dev.cutover.compile;

import dev.cutover.input.Plane;
import java.util.Set;

/**
 * What ordering and the requires rules need to know about one step, in canonical order (FORMATS.md §4.1).
 *
 * @param stepId the step id
 * @param plane cp or dp
 * @param phaseNumber the checklist phase number
 * @param datastoreArn the item's datastore, or null
 * @param action the step action
 * @param mutating whether the step changes something
 * @param grantedKeyIds for kms-grant steps the key ids it grants on (its datastore's, its command's)
 * @param at the source item, null for the synthesized handoff
 */
record StepFacts(
        String stepId,
        Plane plane,
        int phaseNumber,
        String datastoreArn,
        String action,
        boolean mutating,
        Set<String> grantedKeyIds,
        SourceItem at) {

    StepFacts {
        grantedKeyIds = Set.copyOf(grantedKeyIds);
    }

    /** Position of the step's phase in execution order: cp 0..6, then dp 1..5. */
    int phaseRank() {
        return plane == Plane.CP ? phaseNumber : 6 + phaseNumber;
    }

    boolean on(String arn) {
        return datastoreArn != null && datastoreArn.equals(arn);
    }
}
