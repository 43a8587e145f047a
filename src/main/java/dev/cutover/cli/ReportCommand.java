package dev.cutover.cli;

import dev.cutover.app.ReportService;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code cutover report}: the end-of-run report of any run, including one that crashed. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        header = "Write the report of a run that crashed or was killed.",
        description = "Write execution-report.md, execution-report.html and execution-summary.json for a run that "
                + "crashed or was killed (verdict interrupted, naming the step and event it stopped at), "
                + "from its journal alone. For a run that ended, shows where its report is (rebuilt only if "
                + "missing).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:report written or already there",
            "2:not a run directory, or no run has started there",
            "3:refused: a folder in the way of a report file, the journal or the steps file, or a run directory that"
                    + " cannot be written; nothing written",
            "4:the run is live; its report is written when it ends (see cutover status)",
            "6:the journal is corrupt (see cutover verify-journal)",
            "70:internal error (bug)"
        })
final class ReportCommand implements Callable<Integer> {
    @Mixin
    RunDirOptions runDir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ReportService.Result r = new ReportService(Clock.systemUTC(), System.getenv()).report(runDir.resolve());
        PrintWriter out = spec.commandLine().getOut();
        out.println("Verdict: " + r.verdict()
                + (r.stepId() == null ? "" : " at " + r.stepId())
                + (r.reason() == null ? "" : " (" + r.reason() + ")"));
        out.println((r.written() ? "Report:  " : "Report:  (unchanged) ") + r.report());
        return 0;
    }
}
