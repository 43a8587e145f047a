package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HighScrutinyTest {
    @Test
    void highRiskPromoteDnsAndManualReviewStepsAreHighScrutiny() {
        Plan plan = Compiles.complete();
        assertThat(HighScrutiny.test(Compiles.step(plan, "dp-phase4-030-route53-cutover")))
                .isTrue();
        assertThat(HighScrutiny.test(Compiles.step(plan, "dp-phase1-020-kms-grant-docs")))
                .isTrue(); // manual review
        assertThat(HighScrutiny.test(Compiles.step(plan, "dp-phase1-010-kms-grant-db")))
                .isTrue(); // high risk
        assertThat(HighScrutiny.test(Compiles.step(plan, "cp-phase1-010-apply-networking")))
                .isFalse();
        assertThat(HighScrutiny.count(plan)).isLessThan(plan.steps().size());
    }
}
