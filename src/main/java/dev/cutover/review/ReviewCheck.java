package dev.cutover.review;

import java.util.List;

/**
 * One rollback-readiness check. Checks are independent of each other, deterministic (same context, same
 * findings in the same order) and pure.
 */
public interface ReviewCheck {
    /** The short name printed in the check column, e.g. {@code rollback}. */
    String name();

    /** Every finding of this check for {@code context}, in a stable order (plan order, then file order). */
    List<Finding> findings(ReviewContext context);
}
