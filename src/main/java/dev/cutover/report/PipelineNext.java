package dev.cutover.report;

import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.PipelineSessions;
import java.nio.file.Path;
import java.util.List;

/**
 * The next steps of a run the CI pipeline ran ({@link PipelineSessions}): resuming or rolling it back goes through
 * the pipeline change's job, as {@code cutover execute --resume} and {@code cutover rollback} from a terminal are
 * refused where changes go only through the pipeline (docs/commands/prepare-pipeline.md).
 */
final class PipelineNext {
    private static final String EXECUTE = "cutover execute --run-dir ";
    private static final String ROLLBACK = "cutover rollback --run-dir ";

    private PipelineNext() {}

    /** {@code steps} as they are, or with resume and rollback turned into the pipeline's modes. */
    static List<NextStep> adapt(List<NextStep> steps, List<JournalEntry> entries, Path runDir) {
        if (!PipelineSessions.lastWasPipeline(entries)) {
            return steps;
        }
        return steps.stream().map(step -> adapt(step, runDir)).toList();
    }

    private static NextStep adapt(NextStep step, Path runDir) {
        String script = NextStep.quote(
                runDir.resolve("pipeline").resolve("run-cutover.sh").toString());
        if (step.command().startsWith(EXECUTE) && step.command().endsWith(" --resume")) {
            return new NextStep(
                    "the pipeline's workflow, mode resume (" + script + " resume)",
                    "commit the missing decision to pipeline-approvals.txt, then start the workflow again with mode"
                            + " resume and resume_from_run set to the halted job's run id; from a terminal, execute"
                            + " is refused where changes go only through the pipeline");
        }
        if (step.command().startsWith(ROLLBACK)) {
            return new NextStep(
                    "the pipeline's workflow, mode rollback (" + script + " rollback)",
                    "continues the rollback as pipeline-rollback-approvals.txt decides; from a terminal, rollback"
                            + " is refused where changes go only through the pipeline");
        }
        return step;
    }
}
