package dev.cutover.cli;

import dev.cutover.app.ReviewService;
import dev.cutover.error.ErrorCode;
import dev.cutover.review.Finding;
import dev.cutover.review.Review;
import dev.cutover.review.Status;
import java.io.PrintWriter;

/** The review as text: {@code STATUS  check  subject  message — fix: …} per finding, then one summary line. */
final class ReviewText {
    private ReviewText() {}

    static void render(ReviewService.Result result, PrintWriter out) {
        Review review = result.review();
        int width = review.findings().stream()
                .mapToInt(f -> f.check().length())
                .max()
                .orElse(0);
        for (Finding f : review.findings()) {
            out.println(Columns.padRight(f.status(), 4) + "  " + Columns.padRight(f.check(), width) + "  " + f.subject()
                    + "  " + f.message() + (f.fix() == null ? "" : " — fix: " + f.fix()));
        }
        Status verdict = review.verdict();
        out.println("Review " + verdict + ": " + review.count(Status.FAIL) + " FAIL, " + review.count(Status.WARN)
                + " WARN, " + review.count(Status.PASS) + " PASS over " + result.steps()
                + " steps (point of no return: "
                + result.pointOfNoReturn().orElse("none") + "); exit "
                + (verdict == Status.FAIL ? ErrorCode.REVIEW_FAILED.exitCode() : 0));
    }
}
