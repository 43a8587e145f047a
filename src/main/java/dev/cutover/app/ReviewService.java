package dev.cutover.app;

import dev.cutover.input.RunDirectory;
import dev.cutover.rehearsal.RehearsalGate;
import dev.cutover.review.Review;
import dev.cutover.review.ReviewCheck;
import dev.cutover.review.ReviewChecks;
import dev.cutover.review.ReviewContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code cutover review}: compiles the run directory in memory, as {@code cutover plan} does, and runs the
 * rollback-readiness checks over the plan, its inputs and {@code cutover.yaml}. Writes nothing.
 */
public final class ReviewService {
    private final CompileService compiler;
    private final List<ReviewCheck> checks;

    public ReviewService(CompileService compiler) {
        this(compiler, ReviewChecks.standard());
    }

    public ReviewService(CompileService compiler, List<ReviewCheck> checks) {
        this.compiler = compiler;
        this.checks = List.copyOf(checks);
    }

    /**
     * The review of one run directory.
     *
     * @param review every finding and the rollback timing
     * @param steps how many steps the plan has
     * @param pointOfNoReturn the plan's point of no return, if it has one
     */
    public record Result(Review review, int steps, Optional<String> pointOfNoReturn) {}

    /** What the production gate would decide on {@code dir}'s rehearsal evidence for this plan. */
    public static RehearsalGate.Decision rehearsalOf(RunDirectory dir, CompiledPlan compiled) {
        return new RehearsalGate().check(dir.root(), compiled.identity());
    }

    /** Reviews {@code dir}; invalid input throws like every other verb (exit 2, problems named). */
    public Result review(RunDirectory dir, Optional<String> expectedRunId) {
        CompiledPlan compiled = compiler.compileInMemory(dir, expectedRunId);
        ReviewContext context =
                ReviewContext.of(compiled.inputs(), compiled.config(), compiled.plan(), rehearsalOf(dir, compiled));
        return new Result(
                Review.run(checks, context),
                compiled.plan().steps().size(),
                context.pointOfNoReturn().map(p -> p.stepId()));
    }
}
