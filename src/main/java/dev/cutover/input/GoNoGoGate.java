package dev.cutover.input;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A phase's go/no-go decision: the criteria to check and the approver teams who sign. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoNoGoGate(List<String> criteria, List<String> approvers) {
    public GoNoGoGate {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
    }
}
