package dev.cutover.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cutover.app.CompileService;
import dev.cutover.app.PreparePipelineService;
import dev.cutover.app.PreparedPipeline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutover prepare-pipeline}: the production change path for pipeline-only environment classes. */
@Command(
        name = "prepare-pipeline",
        mixinStandardHelpOptions = true,
        header = "Commit the cutover to a new branch for a CI pipeline.",
        description = "For an environment class whose direct mutation is pipeline-only: commit, on a new branch of the "
                + "git repository you name, the compiled steps, the signed inputs, a pipeline job (a generic "
                + "bash script and a GitHub Actions workflow) that runs `cutover execute` only under the CI "
                + "system's approval gate, the approvals file bound to this plan, and CHANGE.md (summary, "
                + "risks, rollback, point of no return, gates). Your checkout is not touched (a temporary "
                + "worktree is used) and nothing is pushed.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the branch and its commit were created",
            "2:invalid input, usage or organisation file",
            "3:refused: not pipeline-only, unsigned checklist, literal secret, environment mismatch, no successful"
                    + " rehearsal of the plan where the class requires one, or the repository is not a clean git work"
                    + " tree / the branch or folder exists; nothing was created",
            "70:internal error (bug)"
        })
final class PreparePipelineCommand implements Callable<Integer> {
    @Mixin
    RunDirOptions runDir;

    @Mixin
    OrgConfigOption org;

    @Option(names = "--repo", required = true, paramLabel = "PATH", description = "A clean git work tree.")
    Path repo;

    @Option(
            names = "--branch",
            paramLabel = "NAME",
            description = "The new branch (default: cutover/<run id>); refused if it exists.")
    String branch;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PreparedPipeline result = new PreparePipelineService(new CompileService(), System.getenv())
                .prepare(new PreparePipelineService.Request(
                        runDir.resolve(), runDir.expectedRunId(), repo, Optional.ofNullable(branch), org.orgConfig));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper()
                    .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(result));
            return 0;
        }
        out.println("Created branch " + result.branch() + " in " + result.repository() + " with commit "
                + result.commit() + " (" + result.environment() + ", run " + result.runId() + "); nothing was pushed.");
        out.println("Files:");
        result.files().forEach(f -> out.println("  " + f));
        out.println("Next:");
        result.instructions().forEach(i -> out.println("  " + i));
        return 0;
    }
}
