package dev.cutover.input;

import java.util.List;

/** A phase's go/no-go decision: the criteria to check and the approver teams who sign. */
public record GoNoGoGate(List<String> criteria, List<String> approvers) {
    public GoNoGoGate {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
    }
}
