package dev.cutover.cli;

import dev.cutover.app.CompileResult;
import dev.cutover.app.CompileService;
import dev.cutover.compile.CompileWarning;
import dev.cutover.error.ShellWord;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code cutover compile}: validate the inputs and write execution-steps.json. */
@Command(
        name = "compile",
        mixinStandardHelpOptions = true,
        header = "Validate the inputs and write execution-steps.json.",
        description = "Validate the run directory's inputs and compile both checklists into execution-steps.json. The "
                + "output is byte-identical for identical inputs. Invalid input exits 2 and writes nothing.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:compiled (file written or already current)",
            "2:invalid input or compile error; nothing written",
            "3:refused: a folder at execution-steps.json or the journal, or a run directory that cannot be written;"
                    + " nothing written",
            "6:a run has started on a different stored plan; nothing written",
            "70:internal error (bug)"
        })
final class CompileCommand implements Callable<Integer> {
    @Mixin
    RunDirOptions runDir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CompileResult result = new CompileService().compileAndWrite(runDir.resolve(), runDir.expectedRunId());
        PrintWriter out = spec.commandLine().getOut();
        int steps = result.compiled().plan().steps().size();
        String verb = result.written() ? "wrote" : "unchanged";
        out.println(verb + " " + result.stepsFile() + " (" + steps + " steps)");
        for (CompileWarning w : result.compiled().plan().warnings()) {
            out.println("warning: " + w.render());
        }
        out.println("next: cutover plan --run-dir "
                + ShellWord.quote(result.stepsFile().getParent().toString()));
        return 0;
    }
}
