package dev.cutover.cli;

import dev.cutover.app.StatusService;
import dev.cutover.report.StatusJson;
import dev.cutover.report.StatusText;
import dev.cutover.report.StatusView;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutover status}: where a run is, from any terminal, while it runs or after it stopped. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        header = "Show a run's state and the command to continue it.",
        description =
                "Show a run's state from its journal: each step's state, the current step, what the run is waiting "
                        + "for (or that it was interrupted and where) and the exact command to continue. Reads only.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:shown",
            "2:not a run directory, or no run has started there",
            "3:refused: the journal or execution-steps.json is a folder or cannot be read",
            "6:the journal is corrupt (see cutover verify-journal)",
            "70:internal error (bug)"
        })
final class StatusCommand implements Callable<Integer> {
    @Mixin
    RunDirOptions runDir;

    @Option(names = "--json", description = "Print the status as one JSON object.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        StatusView view = new StatusService(Clock.systemUTC(), System.getenv()).status(runDir.resolve());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(StatusJson.write(view));
        } else {
            StatusText.render(view, out);
        }
        return 0;
    }
}
