package dev.cutover.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cutover.app.CompileService;
import dev.cutover.app.ReviewService;
import dev.cutover.error.ErrorCode;
import dev.cutover.review.Status;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutover review}: is the plan rollback-ready? One PASS/WARN/FAIL line per finding. */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        header = "Review the plan's rollback readiness.",
        description =
                "Compile the run directory in memory and review its rollback readiness: every mutating step has a "
                        + "rollback (or is irreversible), freezes cover every datastore that takes writes and are "
                        + "released, go/no-go gates have concrete criteria and approvers, every team is in the "
                        + "communication plan with a channel, and each phase's rollback fits the RTO. One line per "
                        + "finding, then a summary. Writes nothing.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no check failed (warnings allowed)",
            "2:invalid input or compile error",
            "3:at least one check failed (each FAIL line names the step or file and the fix)",
            "70:internal error (bug)"
        })
final class ReviewCommand implements Callable<Integer> {
    @Mixin
    RunDirOptions runDir;

    @Option(names = "--json", description = "Print the findings and the RTO estimates as one JSON object.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ReviewService.Result result =
                new ReviewService(new CompileService()).review(runDir.resolve(), runDir.expectedRunId());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(ReviewJson.of(result)));
        } else {
            ReviewText.render(result, out);
        }
        out.flush();
        return result.review().verdict() == Status.FAIL ? ErrorCode.REVIEW_FAILED.exitCode() : 0;
    }
}
