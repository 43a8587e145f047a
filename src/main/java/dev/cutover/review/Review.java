package dev.cutover.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a review: every finding of every check, in check order, and the rollback timing behind the RTO
 * check.
 *
 * @param findings every finding, in the order of the checks that made them
 * @param rto each phase's rollback path against the RTO
 */
public record Review(List<Finding> findings, RtoAssessment rto) {
    public Review {
        findings = List.copyOf(findings);
        Objects.requireNonNull(rto, "rto");
    }

    /** Runs {@code checks} in order over {@code context}. */
    public static Review run(List<ReviewCheck> checks, ReviewContext context) {
        List<Finding> findings = new ArrayList<>();
        for (ReviewCheck check : checks) {
            findings.addAll(check.findings(context));
        }
        return new Review(findings, RtoAssessment.of(context));
    }

    /** FAIL when any finding fails, else PASS (warnings do not fail a review). */
    public Status verdict() {
        return count(Status.FAIL) > 0 ? Status.FAIL : Status.PASS;
    }

    /** How many findings have {@code status}. */
    public long count(Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }
}
