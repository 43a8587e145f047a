package dev.cutover.compile;

import java.util.Map;

/**
 * What the rules know about one item once its action and id are fixed.
 *
 * @param at the item and where it sits
 * @param stepId its step id
 * @param type its §4.2 row (pre/post items: verify-only or manual-decision)
 * @param resourceArn the step's {@code resource_arn}
 * @param resourceType the step's {@code resource_type}
 * @param values the compile-time placeholder values for it
 */
record ItemContext(
        SourceItem at,
        String stepId,
        OperationType type,
        String resourceArn,
        String resourceType,
        Map<String, SourcedValue> values) {

    String action() {
        return type.action();
    }
}
