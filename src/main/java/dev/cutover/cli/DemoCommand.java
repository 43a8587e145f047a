package dev.cutover.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutover demo}: a complete sandbox cutover of a small local service (arrives with the engine). */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Write a complete sandbox run directory that migrates a small local service (data files, a polled",
            "copy job, a write freeze, an irreversible symlink switch, checksum validation) and run it.",
            "Not yet available: it arrives with the execution engine."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:explained what is available today"})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the demo run directory.")
    Path dir;

    @Option(names = "--answers", paramLabel = "FILE", description = "Scripted answers for a rehearsal.")
    Path answers;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("cutover demo: not yet available — the execution engine has not landed yet.");
        out.println("Available today: `cutover compile --run-dir DIR` and `cutover plan --run-dir DIR`");
        out.println("on any run directory in the upstream format (see README, Quick start).");
        return 0;
    }
}
