package dev.cutover.input;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** hardcoded-values.json: values a human must review; matched to steps by ARN or location (§4.8). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HardcodedValues(List<ReviewItem> manualReviewRequired) {
    public HardcodedValues {
        manualReviewRequired = manualReviewRequired == null ? List.of() : List.copyOf(manualReviewRequired);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReviewItem(String location, String value, String kind, String reason) {}
}
