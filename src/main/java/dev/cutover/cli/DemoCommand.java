package dev.cutover.cli;

import dev.cutover.app.CompileResult;
import dev.cutover.app.CompileService;
import dev.cutover.app.DemoRunDirectory;
import dev.cutover.input.RunDirectory;
import dev.cutover.report.PlanSummaries;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutover demo}: a complete sandbox cutover of a small local service. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        header = "Run a complete cutover of a small local sandbox service.",
        description =
                "Write a complete sandbox run directory that migrates a small local service (data files, a polled "
                        + "background copy job, a write freeze, an irreversible symlink switch, checksum "
                        + "validation), show the plan, and execute it: interactively at your terminal, or with "
                        + "--answers for a scripted rehearsal. Needs nothing but bash and coreutils.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the demo cutover completed",
            "1:halted (a step failed or you stopped it)",
            "2:--dir is not empty or cannot be created, or a bad answers file",
            "3:no terminal to ask you (use --answers)",
            "5:you aborted it",
            "70:internal error (bug)"
        })
final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Where to write the demo run directory (new or empty). Default: a new temp folder.")
    Path dir;

    @Option(
            names = "--answers",
            paramLabel = "FILE",
            description = "Scripted answers instead of the terminal (format: docs/approvals.md).")
    Path answers;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (dir != null) {
            OutputPaths.requireCreatableFolder("--dir", dir);
        }
        Path target = dir != null ? dir : Files.createTempDirectory("cutover-demo-");
        new DemoRunDirectory(Clock.systemUTC()).write(target);
        CompileResult result = new CompileService().compileAndWrite(new RunDirectory(target), Optional.empty());
        PrintWriter out = spec.commandLine().getOut();
        out.println("Demo run directory: " + target);
        out.println();
        PlanSummaryText.render(
                PlanSummaries.of(
                        result.compiled().plan(),
                        result.compiled().identity(),
                        PlanCommand.window(result.compiled()),
                        new PlanSummaries.Files(
                                result.stepsFile().toString(),
                                new RunDirectory(target).journalFile().toString(),
                                "current")),
                out);
        out.println();
        out.println("Executing it now (" + (answers == null ? "you approve each step" : "answers from " + answers)
                + "). The same run later: cutover execute --run-dir " + new RunDirectory(target).shellWord());
        out.println();
        return ExecuteCommand.run(
                out, new RunDirectory(target), new RunDirOptions(), ExecuteCommand.Flags.demo(answers));
    }
}
