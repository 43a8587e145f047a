package dev.cutover.input;

import java.util.List;

/** hardcoded-values.json: values a human must review; matched to steps by ARN or location (§4.8). */
public record HardcodedValues(List<ReviewItem> manualReviewRequired) {
    public HardcodedValues {
        manualReviewRequired = manualReviewRequired == null ? List.of() : List.copyOf(manualReviewRequired);
    }

    public record ReviewItem(String location, String value, String kind, String reason) {}
}
