package dev.cutover.cli;

import dev.cutover.app.CompileService;
import dev.cutover.engine.ExecuteRequest;
import dev.cutover.engine.HostInfo;
import dev.cutover.engine.PreflightCheck;
import dev.cutover.engine.ProcessGitConfigReader;
import dev.cutover.input.RunDirectory;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutover preflight}: run every pre-flight check of execute, change nothing. */
@Command(
        name = "preflight",
        mixinStandardHelpOptions = true,
        header = "Run execute's pre-flight checks without changing anything.",
        description = "Run the checks `cutover execute` runs first, in the same order: lock, journal, inputs, both "
                + "sign-offs, staleness, the allow-list, identity probes, Terraform, the environment "
                + "cross-check against the organisation's environments.yaml. Writes nothing (the empty OS "
                + "lock file .RUNNING.lock.flock is created once per run directory and never deleted).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every check passed",
            "2:invalid input or usage",
            "3:a check refused (named in the message)",
            "4:another live run holds the lock",
            "70:internal error (bug)"
        })
final class PreflightCommand implements Callable<Integer> {
    @Mixin
    RunDirOptions runDir;

    @Option(names = "--resume", description = "Check as for `execute --resume`.")
    boolean resume;

    @Option(names = "--accept-stale", description = "Accept inputs captured more than 14 days ago.")
    boolean acceptStale;

    @Mixin
    OrgConfigOption org;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> env = System.getenv();
        RunDirectory dir = runDir.resolve();
        ExecuteRequest request = runDir.executeRequest(
                dir, resume, acceptStale, null, ExecuteRequest.DEFAULT_MAX_PARALLEL_JOBS, org.guard());
        CompileService compile = new CompileService();
        new PreflightCheck(
                        Clock.systemUTC(),
                        spec.commandLine().getOut(),
                        HostInfo.system(env),
                        ProcessGitConfigReader.withDefaultTimeout(env))
                .check(request, () -> compile.loadForExecution(dir, runDir.expectedRunId()));
        spec.commandLine().getOut().println("pre-flight passed: nothing was written");
        return 0;
    }
}
