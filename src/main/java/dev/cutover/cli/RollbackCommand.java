package dev.cutover.cli;

import dev.cutover.app.CompileService;
import dev.cutover.app.JournalEndOfRunWriter;
import dev.cutover.app.RollbackService;
import dev.cutover.engine.CutoverEngine;
import dev.cutover.engine.ExecuteRequest;
import dev.cutover.engine.RunEnding;
import dev.cutover.input.RunDirectory;
import dev.cutover.report.RollbackOutcomes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutover rollback}: unwind the steps that succeeded in a run, latest first, each with its own approval. */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        header = "Unwind the steps that succeeded, latest first.",
        description =
                "Unwind the steps that succeeded in this run, latest first: each step's exact rollback command is "
                        + "shown and approved (bound to its SHA-256), run, checked with the step's verify (which "
                        + "must no longer pass) and journaled in the run's journal. Steps without a rollback are "
                        + "reported as remaining. At an irreversible step or the point of no return the rollback "
                        + "stops unless you confirm its manual procedure. Run it again to continue a rollback that "
                        + "stopped.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every step that succeeded was rolled back or left as it is (the report lists which; the verdict is"
                    + " halted when the run it unwound had stopped short)",
            "1:halted (no answer for a question; run it again to continue)",
            "2:invalid input or usage; no journal; nothing succeeded to roll back",
            "3:refused: a step in flight (resume first), another environment class than the run started under,"
                    + " --answers in production, identity, the run directory (a folder in the way of a file it"
                    + " writes, a file where its logs go, not writable); nothing executed",
            "4:a live run holds the lock",
            "5:stopped by the operator (abort, or a manual procedure not confirmed)",
            "6:journal or plan conflict (damaged or torn journal, changed inputs)",
            "70:internal error (bug)"
        })
final class RollbackCommand implements Callable<Integer> {
    @Mixin
    RunDirOptions runDir;

    @Option(
            names = "--answers",
            paramLabel = "FILE",
            description = "Scripted answers (rehearsals, tests); refused unless the environment is sandbox,"
                    + " development or test. See docs/approvals.md.")
    Path answers;

    @Mixin
    OrgConfigOption org;

    @Option(
            names = "--pipeline-approvals",
            paramLabel = "FILE",
            description = "The rollback approvals file `cutover prepare-pipeline` generated"
                    + " (pipeline-rollback-approvals.txt). Accepted only for a pipeline-only class, inside the CI job"
                    + " (CI=true) its approval gate released (CUTOVER_PIPELINE_APPROVED), for exactly the plan it was"
                    + " generated for.")
    Path pipelineApprovals;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunDirectory dir = runDir.resolve();
        RollbackService.Result result = service(out).rollback(request(dir), runDir.expectedRunId());
        render(out, dir, result);
        return result.exitCode();
    }

    ExecuteRequest request(RunDirectory dir) {
        return runDir.executeRequest(
                dir, true, false, answers, ExecuteRequest.DEFAULT_MAX_PARALLEL_JOBS, org.guard(pipelineApprovals));
    }

    static RollbackService service(PrintWriter out) {
        CutoverEngine engine = SystemEngine.create(out);
        return new RollbackService(new CompileService(), engine, new JournalEndOfRunWriter());
    }

    static void render(PrintWriter out, RunDirectory dir, RollbackService.Result result) {
        RollbackOutcomes o = result.outcomes();
        out.println();
        line(out, "Rolled back", o.ids(RollbackOutcomes.Outcome.ROLLED_BACK));
        line(out, "Remains", o.ids(RollbackOutcomes.Outcome.REMAINS));
        line(out, "Not finished", o.ids(RollbackOutcomes.Outcome.NOT_FINISHED));
        line(out, "Not reached", o.ids(RollbackOutcomes.Outcome.NOT_REACHED));
        // The verdict the summary, the reports and status carry: a finished rollback of a run that had stopped
        // short is halted there, and the operator must not read "completed" here (the exit code stays 0).
        RunEnding reported = result.reported().ending();
        out.println("Verdict: " + reported.verdict().wireName()
                + (reported.haltReason() == null ? "" : " — " + reported.haltReason()));
        out.println("Report:  " + dir.file(RunDirectory.REPORT));
    }

    private static void line(PrintWriter out, String label, List<String> ids) {
        out.println(Columns.padRight(label + ":", 14) + (ids.isEmpty() ? "none" : String.join(", ", ids)));
    }
}
