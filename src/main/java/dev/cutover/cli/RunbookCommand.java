package dev.cutover.cli;

import dev.cutover.app.CompileService;
import dev.cutover.app.RunbookService;
import dev.cutover.app.StepsFileState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutover runbook}: the cutover as a document, in Markdown and as a self-contained HTML page. */
@Command(
        name = "runbook",
        mixinStandardHelpOptions = true,
        header = "Write the runbook as Markdown and HTML.",
        description =
                "Compile the run directory in memory and write the runbook: run context, every step in order with "
                        + "owner, time box, risk, exact commands and checkpoints, go/no-go gates, the point of no "
                        + "return, rollback per phase with windows, freeze windows, communication plan and "
                        + "post-cutover checks. Writes runbook.md and runbook.html (self-contained) into the run "
                        + "directory, or the Markdown to --out FILE and the HTML beside it. Same inputs, same bytes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:written",
            "2:invalid input, compile error, or an --out path that cannot be written",
            "3:refused: a folder in the way of runbook.md or runbook.html, a run directory that cannot be written, or"
                    + " an execution-steps.json that is a folder or cannot be read",
            "70:internal error (bug)"
        })
final class RunbookCommand implements Callable<Integer> {
    @Mixin
    RunDirOptions runDir;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Write the Markdown here (the HTML beside it, .md replaced by .html) instead of the run"
                    + " directory.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (out != null) {
            OutputPaths.requireWritableFile("--out", out);
            OutputPaths.requireWritableCompanion("--out", out, RunbookService.htmlBeside(out));
        }
        RunbookService.Result r = new RunbookService(new CompileService())
                .write(runDir.resolve(), runDir.expectedRunId(), Optional.ofNullable(out));
        PrintWriter w = spec.commandLine().getOut();
        w.println("Runbook: " + r.steps() + " steps, point of no return: "
                + r.pointOfNoReturn().orElse("none"));
        w.println("Markdown: " + r.markdown());
        w.println("HTML:     " + r.html());
        if (r.stepsFileState() == StepsFileState.STALE) {
            w.println("note: execution-steps.json is stale (it differs from what the inputs compile to now);"
                    + " this runbook describes the inputs as they are");
        }
        return 0;
    }
}
