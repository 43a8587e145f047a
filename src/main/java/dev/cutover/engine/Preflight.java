package dev.cutover.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.PlanIdentity;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.CapturedAtText;
import dev.cutover.input.Environment;
import dev.cutover.input.Inputs;
import dev.cutover.input.RunConfig;
import dev.cutover.input.RunDirectory;
import dev.cutover.input.RunFiles;
import dev.cutover.journal.JournalEntry;
import dev.cutover.policy.CommandLint;
import dev.cutover.policy.CommandRole;
import dev.cutover.policy.LintResult;
import dev.cutover.rehearsal.RehearsalGate;
import dev.cutover.shell.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Pre-flight checks 4–7 of FORMATS.md §5 plus the allow-list audit, run after the lock (check 1), the journal
 * check (2) and loading (3). Local checks come first, so a missing sign-off makes no cloud call. Each failure
 * throws a {@link CutoverException} whose message names the check.
 */
final class Preflight {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The built-in identity probes (check 6 and the periodic SSO probe); JSON output whatever the profile says. */
    static final String SOURCE_PROBE = "aws sts get-caller-identity --output json --profile $MIGRATION_SOURCE_PROFILE";

    static final String TARGET_PROBE = "aws sts get-caller-identity --output json --profile $MIGRATION_TARGET_PROFILE";

    private final Clock clock;
    private final StepCommands commands;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    Preflight(Clock clock, StepCommands commands) {
        this.clock = clock;
        this.commands = commands;
    }

    private boolean continuing;
    /** Asked for the declared class before any cloud call, and again for the confirmed one: decided once. */
    private boolean rehearsalDecided;

    private boolean missingRehearsalIsAWarning;

    /**
     * These checks are for continuing a run that already started ({@code --resume}), whose journal holds
     * {@code entries}: refused when it started under another class than {@code declared}; the rehearsal gate,
     * which guards starting a production run, does not apply again — unless the journal does not say which class
     * the run started under (then nothing shows it passed the gate, and it applies).
     *
     * @throws CutoverException {@link ErrorCode#ENVIRONMENT_CHANGED}
     */
    Preflight continuingRun(List<JournalEntry> entries, Environment declared) {
        StartedEnvironment started = StartedEnvironment.of(entries);
        started.requireSameAs(declared);
        this.continuing = started.known();
        this.signedGates = GateSignatures.signedIn(
                entries.stream().filter(JournalEntry::isRunLevel).toList());
        return this;
    }

    private final List<String> passed = new ArrayList<>();

    private List<String> acceptedStale = List.of();

    /** Gate signatures the journal of a continued run already holds ({@link GateSignatures#key}). */
    private Set<String> signedGates = Set.of();

    /**
     * Checks 4–7 and the allow-list audit, in FORMATS.md §5 order after the profiles are known to be there
     * ({@link #acceptedStaleFiles()} then names the stale inputs {@code --accept-stale} let through). Throws the first
     * refusal.
     */
    void runAll(LoadedPlan plan, ExecuteRequest request, EnvironmentVerdict declared, String operator) {
        requireProfiles(plan, request);
        signOffs(plan.inputs());
        passed.add("check 4 (sign-off): both checklists signed");
        staleness(plan.inputs(), request.acceptStale());
        passed.add("check 5 (staleness): inputs fresh enough" + (acceptedStale.isEmpty() ? "" : " (--accept-stale)"));
        allowList(plan.plan().steps(), new CommandLint(plan.allowed()));
        passed.add("allow-list: every automated command is allowed in its role");
        gateApprovers(plan);
        gatesTheOperatorMayNotSign(plan, operator);
        // Before any cloud call or Terraform check: the declared class alone may already require a rehearsal.
        rehearsal(plan, declared);
        identity(plan.inputs(), plan.config(), plan.allowed().allowsAws(), ExecutionStep.RUN_LEVEL_STEP_ID);
        terraform(
                plan.inputs(),
                plan.config(),
                plan.allowed().allowsTerraform(),
                plan.plan().steps());
        passed.add("checks 6-7 (identity, terraform): passed or not applicable");
    }

    private void gatesTheOperatorMayNotSign(LoadedPlan plan, String operator) {
        List<String> unsignable = UnsignableGates.forOperator(plan.gates(), plan.config(), operator, signedGates);
        if (!unsignable.isEmpty()) {
            warnings.add("gates: " + operator + " may not sign for " + String.join("; ", unsignable)
                    + ": the run halts at each such gate until one of them continues it with --resume");
        }
    }

    /**
     * Issue 5: production never lets "anyone" sign a gate, so every gate must name approver teams and every team
     * must have operators in cutover.yaml; elsewhere unmapped teams are only a warning.
     */
    private void gateApprovers(LoadedPlan plan) {
        GateSignerGaps gaps = GateSignerGaps.of(plan.gates(), plan.config());
        if (gaps.none()) {
            passed.add("gates: every approver team has operators who may sign");
            return;
        }
        if (plan.config().environment() != Environment.PRODUCTION) {
            warnings.add("gates: " + gaps.summary() + "; anyone may sign them outside production");
            return;
        }
        boolean configured = Files.exists(plan.inputs().runDirectory().file(RunDirectory.CONFIG));
        throw new CutoverException(
                ErrorCode.GATE_APPROVERS_MISSING,
                "gates: in production only the operators " + RunDirectory.CONFIG + " names for a gate's approver teams"
                        + " may sign it"
                        + (configured
                                ? ""
                                : " (there is no " + RunDirectory.CONFIG + " in "
                                        + plan.inputs().runDirectory().root()
                                        + ": a run without one has production's rules)")
                        + "; " + gaps.summary(),
                gaps.problems());
    }

    /**
     * A fresh run whose rules require it — production always, a class the organisation's file marks
     * {@code rehearsal_required}, and a run that has production's rules because an account is not mapped — needs a
     * successful rehearsal of the same plan on record in its run directory (docs/rehearsal.md). Asked for the
     * declared class before any cloud call or Terraform check, and again after the cross-check, so the confirmed
     * class decides too; a resumed run passed it when it started.
     */
    void rehearsal(LoadedPlan plan, EnvironmentVerdict verdict) {
        if (continuing || rehearsalDecided || !verdict.permissions().rehearsalRequired()) {
            return;
        }
        rehearsalDecided = true;
        PlanIdentity identity =
                PlanIdentity.of(plan.plan(), plan.inputs().controlPlane().metadata());
        RehearsalGate.Decision decision =
                new RehearsalGate().check(plan.inputs().runDirectory().root(), identity);
        if (decision.passed()) {
            passed.add("rehearsal: " + decision.message());
            return;
        }
        String message = "rehearsal (required for " + verdict.rulesOf() + "): " + decision.message();
        if (missingRehearsalIsAWarning) {
            warnings.add("execute will refuse (" + ErrorCode.REHEARSAL_MISSING + "): " + message);
            return;
        }
        throw new CutoverException(ErrorCode.REHEARSAL_MISSING, message);
    }

    /**
     * For dry runs: missing rehearsal evidence becomes a warning that execute will refuse, so the operator still
     * sees every other check and the whole walk (a dry run is how a plan is reviewed before it is rehearsed).
     */
    void reportingMissingRehearsal() {
        this.missingRehearsalIsAWarning = true;
    }

    /** The checks that passed, in order, for {@code cutover preflight}. */
    List<String> passed() {
        return List.copyOf(passed);
    }

    static void requireProfiles(LoadedPlan plan, ExecuteRequest request) {
        if (plan.allowed().allowsAws() && (request.sourceProfile() == null || request.targetProfile() == null)) {
            throw new CutoverException(
                    ErrorCode.PROFILES_REQUIRED,
                    "aws is an allowed program, so both profiles are needed: pass --source-profile/--target-profile"
                            + " or set MIGRATION_SOURCE_PROFILE/MIGRATION_TARGET_PROFILE");
        }
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    List<String> skippedChecks() {
        return List.copyOf(skipped);
    }

    /**
     * Check 3 (run directory): every place a run writes must take its write before the first step, or the walk
     * would stop after changing things (or, for the summary and reports, after the last step): the step-log and
     * probe-log folders must be writable folders or absent; the steps file, present, a readable file; and where the
     * steps file, journal, lock file, summary and reports go, no folder may be in the way and the run directory
     * must be writable. Checked before the inputs are loaded and anything is written (a run directory that cannot
     * be written cannot hold a failure journal either). {@code preflight} and {@code execute --dry-run} check the
     * same, so what passes them is not refused here.
     */
    static void writableRunDirectory(RunDirectory dir) {
        try {
            RunFiles.requireFolderOrAbsent(dir.stepLogs(), "the per-step logs");
            RunFiles.requireFolderOrAbsent(
                    dir.file(PreflightCheck.LOG_FOLDER), "the logs of pre-flight probes and dry runs");
            RunFiles.requireReadableIfPresent(dir.stepsFile());
            RunFiles.requireReplaceable(List.of(
                    dir.stepsFile(),
                    dir.file(RunDirectory.LOCK),
                    dir.file(RunDirectory.SUMMARY),
                    dir.file(RunDirectory.REPORT),
                    dir.file(RunDirectory.REPORT_HTML)));
            RunFiles.requireAppendable(dir.journalFile());
        } catch (CutoverException e) {
            throw new CutoverException(e.code(), "check 3 (run directory): " + e.getMessage());
        }
    }

    /** Check 4: both sign-off lines, control plane first. */
    void signOffs(Inputs inputs) {
        SignOff.check(inputs.controlPlaneMarkdown(), inputs.dataPlaneMarkdown()).ifPresent(message -> {
            throw new CutoverException(ErrorCode.SIGNOFF_MISSING, "check 4 (sign-off): " + message);
        });
    }

    /** Check 5: inputs captured at most 14 days ago unless accepted (then noted in {@link #acceptedStaleFiles()}). */
    void staleness(Inputs inputs, boolean acceptStale) {
        List<CapturedAt> captured = new ArrayList<>();
        for (CapturedAtText input : inputs.capturedAt()) {
            captured.add(CapturedAt.parse(input));
        }
        StalenessResult result = new Staleness(clock).evaluate(captured, acceptStale);
        warnings.addAll(result.warnings());
        result.refusal().ifPresent(message -> {
            throw new CutoverException(ErrorCode.INPUTS_STALE, "check 5 (staleness): " + message);
        });
        if (result.staleAccepted()) {
            acceptedStale = result.staleFiles();
        }
    }

    /** The inputs older than the limit that {@code --accept-stale} let through (oldest first), for the lock entry. */
    List<String> acceptedStaleFiles() {
        return acceptedStale;
    }

    /** Every command a non-human step runs must pass the lint in its role; refused here, never mid-run. */
    void allowList(List<ExecutionStep> steps, CommandLint lint) {
        List<String> refusals = new ArrayList<>();
        for (ExecutionStep s : steps) {
            if (s.human()) {
                continue;
            }
            audit(refusals, s, "execute", s.executeCmd(), CommandRole.WRITE, lint);
            audit(refusals, s, "verify", s.verifyCmd(), CommandRole.READ, lint);
            audit(refusals, s, "preview", s.previewCmd(), CommandRole.READ, lint);
            audit(refusals, s, "poll", s.pollCmd(), CommandRole.READ, lint);
        }
        if (!refusals.isEmpty()) {
            throw new CutoverException(
                    ErrorCode.COMMAND_NOT_ALLOWED,
                    "allow-list: " + refusals.size() + " command(s) refused before anything ran: "
                            + String.join(" | ", refusals));
        }
    }

    /** Check 6: identity probes; aws probes must report the checklist's accounts. */
    void identity(Inputs inputs, RunConfig config, boolean awsAllowed, String runLevelLog) {
        List<String[]> probes = new ArrayList<>();
        if (awsAllowed) {
            probes.add(
                    new String[] {SOURCE_PROBE, inputs.controlPlane().metadata().sourceAccountId()});
            probes.add(
                    new String[] {TARGET_PROBE, inputs.controlPlane().metadata().targetAccountId()});
        }
        config.identityProbes().forEach(p -> probes.add(new String[] {p, null}));
        if (probes.isEmpty()) {
            skipped.add("check 6 (identity): no identity probe applies (aws not allowed, none configured)");
            return;
        }
        for (String[] probe : probes) {
            CommandResult r = commands.run(runLevelLog, "probe", probe[0]);
            Optional<String> account = account(r.stdoutHead());
            if (r.exitCode() != 0
                    || (probe[1] != null && !account.map(probe[1]::equals).orElse(false))) {
                throw new CutoverException(
                        ErrorCode.IDENTITY_MISMATCH,
                        "check 6 (identity): `" + probe[0] + "` exited " + r.exitCode()
                                + (probe[1] == null
                                        ? ""
                                        : ", account " + account.orElse("?") + ", expected " + probe[1]));
            }
        }
    }

    /** Check 7: the Terraform root initialises and validates, when Terraform applies. */
    void terraform(Inputs inputs, RunConfig config, boolean terraformAllowed, List<ExecutionStep> steps) {
        boolean applies = steps.stream().anyMatch(s -> "terraform-apply".equals(s.action()) && !s.human());
        boolean wanted = switch (config.terraformPreflight()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> terraformAllowed && applies;
        };
        boolean rootExists = Files.isDirectory(inputs.runDirectory().terraformRoot());
        List<String> runningTerraform = steps.stream()
                .filter(s -> !s.human() && runsTerraform(s))
                .map(ExecutionStep::stepId)
                .toList();
        if (!rootExists && !runningTerraform.isEmpty()) {
            // Whatever terraform_preflight says: these commands run in terraform/root, and without it every one of
            // them would fail mid-cutover, after earlier steps had changed things.
            throw new CutoverException(
                    ErrorCode.TERRAFORM_PREFLIGHT_FAILED,
                    "check 7 (terraform): terraform/root does not exist, and " + runningTerraform.size()
                            + " step(s) run terraform there (" + String.join(", ", runningTerraform) + ")");
        }
        if (!wanted) {
            skipped.add("check 7 (terraform): not applicable");
            return;
        }
        if (!rootExists) {
            throw new CutoverException(
                    ErrorCode.TERRAFORM_PREFLIGHT_FAILED, "check 7 (terraform): terraform/root does not exist");
        }
        for (String cmd : List.of("terraform init -backend=false -input=false", "terraform validate")) {
            CommandResult r = commands.run(ExecutionStep.RUN_LEVEL_STEP_ID, "probe", cmd);
            if (r.exitCode() != 0) {
                throw new CutoverException(
                        ErrorCode.TERRAFORM_PREFLIGHT_FAILED,
                        "check 7 (terraform): `" + cmd + "` exited " + r.exitCode() + ": "
                                + r.stderrTail().strip());
            }
        }
    }

    Instant now() {
        return clock.instant();
    }

    /** Whether any of the step's commands runs in terraform/root. */
    private static boolean runsTerraform(ExecutionStep s) {
        return Stream.of(s.previewCmd(), s.executeCmd(), s.verifyCmd(), s.rollbackCmd())
                .filter(Objects::nonNull)
                .anyMatch(StepCommands::runsInTerraformRoot);
    }

    private static void audit(
            List<String> refusals, ExecutionStep s, String role, String cmd, CommandRole r, CommandLint lint) {
        if (cmd == null) {
            return;
        }
        LintResult result = lint.check(cmd, r);
        if (!result.executable()) {
            refusals.add(s.stepId() + " " + role + ": " + String.join("; ", result.reasons()));
        }
    }

    private static Optional<String> account(String stdout) {
        try {
            JsonNode node = JSON.readTree(stdout == null || stdout.isBlank() ? "{}" : stdout);
            return node.hasNonNull("Account") ? Optional.of(node.get("Account").asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
