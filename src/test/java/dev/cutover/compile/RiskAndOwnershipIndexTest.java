package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.input.HardcodedValues;
import dev.cutover.input.MigrationPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-compile indexes of §4.8's risk and manual-review rules give what a scan of every entry gave. */
class RiskAndOwnershipIndexTest {
    private static final String DOCS = "arn:aws:s3:::docs";
    private static final String DB = "arn:aws:rds:eu-west-1:123456789012:db:shipments-db";

    @Test
    void aResourceTakesTheHighestRiskOfThePlanStepsListingIt() {
        RiskAndOwnership.PlanRisks risks = new RiskAndOwnership.PlanRisks(List.of(
                phase(1, step("medium", DOCS, DOCS), step("low", DB)),
                phase(2, step("high", DB), step("urgent", DOCS), step("low", DOCS))));

        assertThat(risks.highest(DOCS)).contains("medium");
        assertThat(risks.highest(DB)).contains("high");
        assertThat(risks.highest("arn:aws:s3:::unlisted")).isEmpty();
        // No ARN: the highest risk of any step.
        assertThat(risks.highest(null)).contains("high");
        assertThat(new RiskAndOwnership.PlanRisks(List.of(phase(3, step("urgent", DOCS)))).highest(null))
                .isEmpty();
    }

    @Test
    void manualReviewReasonsComeInTheEntriesOrderEachMatchingEntryOnceDuplicatesKept() {
        RiskAndOwnership.ManualReviews reviews = new RiskAndOwnership.ManualReviews(List.of(
                entry("lambda:fn:env:A", DOCS, "by value"),
                entry("s3:docs:bucket-policy", "555566667777", "by location"),
                entry("rds:shipments-db", "x", "the database"),
                entry("s3:docs", DOCS, "both ways, once"),
                entry("s3:docs", DOCS, null),
                entry("lambda:fn:env:A", DOCS, "by value"),
                entry("s3", DOCS + "-other", "one location field is not a location"),
                entry(null, DOCS, "no location")));

        assertThat(reviews.reasons(DOCS))
                .containsExactly("by value", "by location", "both ways, once", "by value", "no location");
        assertThat(reviews.reasons(DB)).containsExactly("the database");
        assertThat(reviews.reasons("target:checklist:x")).isEmpty();
        assertThat(reviews.reasons(null)).isEmpty();
    }

    private static MigrationPlan.Phase phase(int number, MigrationPlan.Step... steps) {
        return new MigrationPlan.Phase(number, "Phase " + number, List.of(steps), null, null);
    }

    private static MigrationPlan.Step step(String risk, String... resources) {
        return new MigrationPlan.Step("s", "step", List.of(resources), risk, null);
    }

    private static HardcodedValues.ReviewItem entry(String location, String value, String reason) {
        return new HardcodedValues.ReviewItem(location, value, "external-account-id", reason);
    }
}
