package dev.cutover.cli;

import dev.cutover.app.CompileService;
import dev.cutover.app.ExecuteService;
import dev.cutover.app.JournalEndOfRunWriter;
import dev.cutover.engine.CutoverEngine;
import dev.cutover.engine.DryRun;
import dev.cutover.engine.ExecuteRequest;
import dev.cutover.engine.GuardOptions;
import dev.cutover.engine.HostInfo;
import dev.cutover.engine.PreflightCheck;
import dev.cutover.engine.ProcessGitConfigReader;
import dev.cutover.engine.RunResult;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.ApprovalMode;
import dev.cutover.input.RunDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutover execute}: pre-flight, go/no-go, then every step with the operator's approval. */
@Command(
        name = "execute",
        mixinStandardHelpOptions = true,
        header = "Run the cutover one approved step at a time.",
        description =
                "Run the cutover: pre-flight (lock, journal, inputs, sign-offs, staleness, identity, Terraform), a "
                        + "go/no-go summary, then one step at a time with approval bound to the exact command, an "
                        + "fsynced journal, polling of long-running jobs and a rollback dialog on every failure.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:completed",
            "1:halted (a step failed or was blocked, a stop choice, SSO expiry)",
            "2:invalid input or usage; nothing executed",
            "3:refused by pre-flight or policy (environment guardrails too); nothing executed",
            "4:another live run holds the lock",
            "5:aborted by the operator",
            "6:journal or plan conflict",
            "70:internal error (bug)"
        })
final class ExecuteCommand implements Callable<Integer> {
    @Mixin
    RunDirOptions runDir;

    @Option(
            names = "--resume",
            description = "Continue a run from its journal (docs/resume.md): finished steps are never run again,"
                    + " a step that was in flight is re-verified first. A journal holding only pre-flight failures"
                    + " is set aside and the run starts fresh.")
    boolean resume;

    @Option(names = "--accept-stale", description = "Accept inputs captured more than 14 days ago.")
    boolean acceptStale;

    @Option(
            names = "--answers",
            paramLabel = "FILE",
            description = "Scripted answers (rehearsals, tests); refused where the environment class refuses"
                    + " answers files (by default staging and production; always production). See"
                    + " docs/approvals.md.")
    Path answers;

    @Option(
            names = "--dry-run",
            description = "Walk the whole plan without mutating anything: pre-flight's checks, read-only previews,"
                    + " every command and question, gates and a timeline. No journal, no lock file.")
    boolean dryRun;

    @picocli.CommandLine.ArgGroup(exclusive = true)
    Parallelism parallelism = new Parallelism();

    /** How many long-running jobs are polled at once: {@code --max-parallel-jobs N} or {@code --sequential}. */
    static final class Parallelism {
        @Option(
                names = "--max-parallel-jobs",
                paramLabel = "N",
                description = "Long-running jobs polled in the background at once while the walk asks the next"
                        + " steps (default: ${DEFAULT-VALUE}). Approvals stay one at a time, in plan order.")
        int maxParallelJobs = ExecuteRequest.DEFAULT_MAX_PARALLEL_JOBS;

        @Option(
                names = "--sequential",
                description = "The strict walk: each long-running job is polled to its end before the next step.")
        boolean sequential;

        int jobs() {
            return sequential ? 0 : maxParallelJobs;
        }
    }

    @Option(
            names = "--approval",
            paramLabel = "MODE",
            description = "per-step (default), destructive-only or unattended: which step approvals a human gives;"
                    + " the others are approved automatically and journaled naming the rule. Refused (exit 3) when"
                    + " looser than the environment class allows (docs/environments.md).")
    String approval = ApprovalMode.PER_STEP.configName();

    @Option(
            names = "--pipeline-approvals",
            paramLabel = "FILE",
            description = "The approvals file `cutover prepare-pipeline` generated. Accepted only for a pipeline-only"
                    + " class, inside the CI job (CI=true) its approval gate released (CUTOVER_PIPELINE_APPROVED),"
                    + " for exactly the plan it was generated for.")
    Path pipelineApprovals;

    @Mixin
    OrgConfigOption org;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (parallelism.maxParallelJobs < 1) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--max-parallel-jobs must be at least 1; use --sequential for none");
        }
        GuardOptions guard = new GuardOptions(
                org.orgConfig,
                ApprovalMode.fromConfigName(approval)
                        .orElseThrow(() -> new CutoverException(
                                ErrorCode.USAGE,
                                "--approval " + approval + ": use per-step, destructive-only or unattended")),
                pipelineApprovals == null ? null : pipelineApprovals.toAbsolutePath());
        RunDirectory dir = runDir.resolve();
        if (dryRun) {
            return dryRun(spec.commandLine().getOut(), dir, guard);
        }
        return run(
                spec.commandLine().getOut(),
                dir,
                runDir,
                new Flags(resume, acceptStale, answers, parallelism.jobs(), guard));
    }

    private int dryRun(PrintWriter out, RunDirectory dir, GuardOptions guard) {
        Map<String, String> env = System.getenv();
        ExecuteRequest request =
                runDir.executeRequest(dir, resume, acceptStale, null, ExecuteRequest.DEFAULT_MAX_PARALLEL_JOBS, guard);
        PreflightCheck checks = new PreflightCheck(
                Clock.systemUTC(), out, HostInfo.system(env), ProcessGitConfigReader.withDefaultTimeout(env));
        CompileService compile = new CompileService();
        new DryRun(checks, out).walk(request, () -> compile.loadForExecution(dir, runDir.expectedRunId()));
        return 0;
    }

    /** The execute flags besides the run directory's. */
    record Flags(boolean resume, boolean acceptStale, Path answers, int maxParallelJobs, GuardOptions guard) {
        /** {@code cutover demo}: a fresh run with the default parallelism and guardrail options. */
        static Flags demo(Path answers) {
            return new Flags(false, false, answers, ExecuteRequest.DEFAULT_MAX_PARALLEL_JOBS, GuardOptions.none());
        }
    }

    /** Shared with {@code cutover demo}, which executes the run directory it wrote (with empty flags). */
    static int run(PrintWriter out, RunDirectory dir, RunDirOptions options, Flags flags) {
        CutoverEngine engine = SystemEngine.create(out);
        ExecuteRequest request = options.executeRequest(
                dir, flags.resume(), flags.acceptStale(), flags.answers(), flags.maxParallelJobs(), flags.guard());
        RunResult result = new ExecuteService(new CompileService(), engine, new JournalEndOfRunWriter())
                .execute(request, options.expectedRunId());
        out.println();
        out.println("Verdict: " + result.ending().verdict().wireName()
                + (result.ending().haltReason() == null
                        ? ""
                        : " — " + result.ending().haltReason()));
        out.println("Report:  " + dir.file(RunDirectory.REPORT));
        if (result.failure() != null) {
            throw result.failure();
        }
        return result.exitCode();
    }
}
