package dev.cutover.engine;

import dev.cutover.approval.AnswersFileApprover;
import dev.cutover.approval.Approver;
import dev.cutover.input.RunDirectory;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.RehearsalSessions;
import dev.cutover.notify.NotificationSettings;
import dev.cutover.policy.CommandLint;
import dev.cutover.shell.ChildEnvironment;
import dev.cutover.shell.CommandRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code cutover execute}: pre-flight in the order of FORMATS.md §5, then go/no-go and the step walk, with the
 * run lock held (OS lock for the whole process, lock file from the end of pre-flight until a clean end).
 */
public final class CutoverEngine {
    private final Clock clock;
    private final Sleeper sleeper;
    private final PrintWriter out;
    private final ApproverFactory approvers;
    private final HostInfo host;
    private final GitConfigReader git;
    private final NotificationSettings notifications;
    /** Whether this engine runs the sessions of {@code cutover rehearse} ({@link #rehearsing()}). */
    private final boolean rehearsal;

    public CutoverEngine(
            Clock clock,
            Sleeper sleeper,
            PrintWriter out,
            ApproverFactory approvers,
            HostInfo host,
            GitConfigReader git) {
        this(clock, sleeper, out, approvers, host, git, NotificationSettings.defaults(), false);
    }

    private CutoverEngine(
            Clock clock,
            Sleeper sleeper,
            PrintWriter out,
            ApproverFactory approvers,
            HostInfo host,
            GitConfigReader git,
            NotificationSettings notifications,
            boolean rehearsal) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.out = Objects.requireNonNull(out, "out");
        this.approvers = Objects.requireNonNull(approvers, "approvers");
        this.host = Objects.requireNonNull(host, "host");
        this.git = Objects.requireNonNull(git, "git");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.rehearsal = rehearsal;
    }

    /**
     * This engine with another way of delivering the webhooks' notifications (retry schedule, waits between
     * attempts, end-of-run grace): tests deliver to a local receiver without waiting.
     */
    public CutoverEngine withNotifications(NotificationSettings settings) {
        return new CutoverEngine(clock, sleeper, out, approvers, host, git, settings, rehearsal);
    }

    /**
     * This engine for {@code cutover rehearse}: each session's lock entry notes say {@value
     * RehearsalSessions#NOTE}, so the journal itself records that the run is a rehearsal (status and the report
     * then name {@code cutover rehearse --resume}, the only command that writes its evidence).
     */
    public CutoverEngine rehearsing() {
        return new CutoverEngine(clock, sleeper, out, approvers, host, git, notifications, true);
    }

    /**
     * Runs the cutover. Refusals before the journal exists throw; everything after returns a {@link RunResult}
     * (pre-flight failures that were journaled come back with verdict failed and the error).
     */
    public RunResult execute(ExecuteRequest request, PlanSource source) {
        return execute(request, source, Function.identity());
    }

    /**
     * Runs the cutover and then {@code whileLocked} (the summary and reports), still holding the run lock, so no
     * other process sees the run ended before its end-of-run files exist: {@code cutover status} says "finishing
     * the run" meanwhile, and {@code cutover report} waits for the run's own files instead of folding its own.
     */
    public <T> T execute(ExecuteRequest request, PlanSource source, Function<RunResult, T> whileLocked) {
        OperatorIdentity operator = OperatorIdentity.resolve(request.environment(), git);
        try (AcquiredLock lock = new RunLock(clock, host)
                .probe(request.runDir(), new LockRequest(operator.name(), "cutover execute", request.resume()))
                .orThrow("")) {
            operator.bannerWarning().ifPresent(w -> out.println("WARNING: " + w));
            PreflightRun run = new PreflightRun(this, request, operator.name(), lock);
            RunResult result = new JournalGate(request.runDir())
                    .check(request.resume())
                    .map(previous -> run.resume(source, previous))
                    .orElseGet(() -> run.run(source));
            return endWhileLocked(lock, result, whileLocked);
        }
    }

    private static <T> T endWhileLocked(AcquiredLock lock, RunResult result, Function<RunResult, T> whileLocked) {
        T ended = whileLocked.apply(result);
        lock.end(result.ending().keepLock());
        return ended;
    }

    /**
     * {@code cutover rollback}: unwinds the steps that succeeded in the run, latest first, each with its own
     * approval, appended to the same journal under the run lock (a dead holder's lock is taken over, as on
     * {@code --resume}). Refusals before anything is journaled throw.
     */
    public RunResult rollback(ExecuteRequest request, PlanSource source) {
        return rollback(request, source, Function.identity());
    }

    /** {@link #rollback(ExecuteRequest, PlanSource)}, then {@code whileLocked}, still holding the run lock. */
    public <T> T rollback(ExecuteRequest request, PlanSource source, Function<RunResult, T> whileLocked) {
        OperatorIdentity operator = OperatorIdentity.resolve(request.environment(), git);
        try (AcquiredLock lock = new RunLock(clock, host)
                .probe(request.runDir(), new LockRequest(operator.name(), "cutover rollback", true))
                .orThrow("")) {
            operator.bannerWarning().ifPresent(w -> out.println("WARNING: " + w));
            RunResult result = new RollbackRun(this, request, operator.name(), lock).run(source);
            return endWhileLocked(lock, result, whileLocked);
        }
    }

    Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    PrintWriter out() {
        return out;
    }

    /** The note that opens a session's lock entry notes: {@value RehearsalSessions#NOTE} for a rehearsal, else null. */
    String sessionNote() {
        return rehearsal ? RehearsalSessions.NOTE : null;
    }

    NotificationSettings notificationSettings() {
        return notifications;
    }

    /**
     * The approver for this run: the terminal, the file of {@code --answers}, or the {@code --pipeline-approvals}
     * file exactly as {@code guard} checked it (one read: a file changed after its checks is never what answers).
     * Whether the environment allows a file is the {@link EnvironmentGuard}'s decision, taken before this.
     */
    Approver approver(ExecuteRequest request, EnvironmentGuard guard) {
        Optional<AnswersFileApprover> pipeline = guard.checkedPipelineApprovals();
        if (pipeline.isPresent()) {
            return approvers.answers(pipeline.get());
        }
        Path file = request.answersFile();
        return file == null ? approvers.terminal() : approvers.answers(AnswersFileApprover.load(file));
    }

    static CommandRunner runner(Clock clock) {
        return new CommandRunner(clock);
    }

    static ChildEnvironment childEnvironment(ExecuteRequest request) {
        return ChildEnvironment.from(request.environment())
                .withSourceProfile(request.sourceProfile())
                .withTargetProfile(request.targetProfile());
    }

    static CommandLint lint(LoadedPlan plan) {
        return new CommandLint(plan.allowed());
    }

    static void releaseEvent(RunJournal journal) {
        journal.runLevel(JournalEvent.LOCK_RELEASED, null);
    }

    static RunDirectory dir(ExecuteRequest request) {
        return request.runDir();
    }
}
