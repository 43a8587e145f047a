package dev.cutover.engine;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cutover preflight}: every check of FORMATS.md §5 that {@code execute} runs first, in the same order,
 * without writing anything — no lock file, no journal, no steps file. The OS lock is taken only for the
 * duration of the check, so a concurrent execute either waits its turn or sees this check as a live holder.
 */
public final class PreflightCheck {
    private final Clock clock;
    private final PrintWriter out;
    private final HostInfo host;
    private final GitConfigReader git;

    StepCommands commands(ExecuteRequest request) {
        return new StepCommands(
                request.runDir(), CutoverEngine.runner(clock), CutoverEngine.childEnvironment(request), LOG_FOLDER);
    }

    public PreflightCheck(Clock clock, PrintWriter out, HostInfo host, GitConfigReader git) {
        this.clock = clock;
        this.out = out;
        this.host = host;
        this.git = git;
    }

    /** The checks that passed and the plan they were run on. */
    public record Checked(List<String> passed, LoadedPlan plan) {
        public Checked {
            passed = List.copyOf(passed);
        }
    }

    /** Logs of probes and previews run by preflight and dry runs, kept apart from a real run's logs. */
    public static final String LOG_FOLDER = "execution-dry-run";

    /** Runs every check and prints the passed ones; throws the first refusal. */
    public Checked check(ExecuteRequest request, PlanSource source) {
        return check(request, source, false);
    }

    /**
     * The checks of a dry run: the same, except that missing rehearsal evidence is a warning saying execute will
     * refuse, so the operator still sees the whole walk (a dry run is how a plan is reviewed before rehearsing).
     */
    Checked checkForDryRun(ExecuteRequest request, PlanSource source) {
        return check(request, source, true);
    }

    private Checked check(ExecuteRequest request, PlanSource source, boolean dryRun) {
        List<String> passed = new ArrayList<>();
        OperatorIdentity operator = OperatorIdentity.resolve(request.environment(), git);
        try (AcquiredLock ignored = new RunLock(clock, host)
                .probe(request.runDir(), new LockRequest(operator.name(), "cutover preflight", request.resume()))
                .orThrow("check 1 (lock): ")) {
            passed.add("check 1 (lock): free" + (request.resume() ? " or stale and resumable" : ""));
            JournalGate journal = new JournalGate(request.runDir());
            journal.peek(request.resume());
            if (!journal.startsFresh()) {
                PreflightRun.requireNotRolledBack(
                        request.runDir(), journal.toContinue().entries());
            }
            passed.add("check 2 (journal): consistent with " + (request.resume() ? "--resume" : "a fresh run"));
            Preflight.writableRunDirectory(request.runDir());
            passed.add("check 3 (run directory): writable, its log folders too, and no folder in the way of a file"
                    + " a run writes");
            LoadedPlan plan = source.load();
            passed.add("check 3 (inputs): " + plan.plan().steps().size() + " steps compiled");
            // An unknown field one slip from a known one is read as a typo the run goes without: say so here too.
            plan.inputs().inputWarnings().forEach(w -> passed.add("warning: " + w));
            StepCommands commands = commands(request);
            Preflight checks = new Preflight(clock, commands);
            if (!journal.startsFresh()) {
                InterruptedCommands.requireNoneRunning(request.runDir());
                checks.continuingRun(
                        journal.toContinue().entries(), plan.config().environment());
            }
            if (dryRun) {
                checks.reportingMissingRehearsal();
            }
            EnvironmentGuard guard = EnvironmentGuard.load(request, plan);
            checks.runAll(plan, request, guard.declared(), operator.name());
            if (!journal.startsFresh()) {
                PreflightRun.requireApprovedPlan(
                        request.runDir(), plan, journal.toContinue().entries());
                passed.add("resume: the stored plan and every approved command are unchanged");
            }
            passed.addAll(checks.passed());
            int passedBefore = checks.passed().size();
            EnvironmentVerdict environment = guard.classify(commands);
            passed.add("environment: " + environment.summary());
            checks.rehearsal(plan, environment);
            passed.addAll(checks.passed().subList(passedBefore, checks.passed().size()));
            checks.warnings().forEach(w -> passed.add("warning: " + w));
            guard.warnings(environment).forEach(w -> passed.add("warning: " + w));
            checks.skippedChecks().forEach(s -> passed.add("skipped: " + s));
            operator.bannerWarning().ifPresent(w -> passed.add("warning: " + w));
            passed.forEach(out::println);
            return new Checked(passed, plan);
        }
    }
}
