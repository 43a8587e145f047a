package dev.cutover.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cutover.app.CompileService;
import dev.cutover.app.CompiledPlan;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.JobBarriers;
import dev.cutover.compile.WindowEstimate;
import dev.cutover.engine.ExecuteRequest;
import dev.cutover.input.RunDirectory;
import dev.cutover.report.MermaidGraph;
import dev.cutover.report.PlanSummaries;
import dev.cutover.report.PlanSummary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutover plan}: show on one screen what the cutover will do. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        header = "Show what the cutover will do, without writing anything.",
        description = "Compile the run directory in memory and show what the cutover will do: steps per phase, "
                + "long-running jobs, high-risk and irreversible steps, human steps, runtime parameters, "
                + "warnings and the estimated duration. Writes nothing.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:shown",
            "2:invalid input or compile error",
            "3:refused: execution-steps.json is a folder or cannot be read",
            "70:internal error (bug)"
        })
final class PlanCommand implements Callable<Integer> {
    @Mixin
    RunDirOptions runDir;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Option(
            names = "--graph",
            paramLabel = "FORMAT",
            description = "Print the step dependency graph instead of the summary. FORMAT: ${COMPLETION-CANDIDATES}.")
    GraphFormat graph;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    enum GraphFormat {
        mermaid
    }

    @Override
    public Integer call() throws Exception {
        if (json && graph != null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--json and --graph exclude each other: use one of them");
        }
        RunDirectory dir = runDir.resolve();
        CompileService service = new CompileService();
        CompiledPlan compiled = service.compileInMemory(dir, runDir.expectedRunId());
        PrintWriter out = spec.commandLine().getOut();
        if (graph != null) {
            out.print(MermaidGraph.render(compiled.plan()));
            out.flush();
            return 0;
        }
        PlanSummary summary = PlanSummaries.of(
                compiled.plan(),
                compiled.identity(),
                window(compiled),
                new PlanSummaries.Files(
                        dir.stepsFile().toString(),
                        dir.journalFile().toString(),
                        service.stepsFileState(dir, compiled).label()));
        if (json) {
            ObjectMapper mapper = new ObjectMapper()
                    .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(summary));
        } else {
            PlanSummaryText.render(summary, out, Files.exists(dir.journalFile()));
        }
        return 0;
    }

    /** The window estimate with the default bound on parallel jobs, as {@code cutover execute} walks. */
    static WindowEstimate window(CompiledPlan compiled) {
        List<ExecutionStep> steps = compiled.plan().steps();
        return WindowEstimate.of(
                steps, JobBarriers.of(compiled.inputs(), steps), ExecuteRequest.DEFAULT_MAX_PARALLEL_JOBS);
    }
}
