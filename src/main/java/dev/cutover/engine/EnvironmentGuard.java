package dev.cutover.engine;

import dev.cutover.approval.AnswersFileApprover;
import dev.cutover.approval.Approver;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.AnswersFiles;
import dev.cutover.input.ApprovalMode;
import dev.cutover.input.DirectMutation;
import dev.cutover.input.OrgConfig;
import dev.cutover.input.OrgConfigLoader;
import dev.cutover.input.SchemaValidator;
import dev.cutover.shell.CommandResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The environment guardrails of one run (docs/environments.md): the organisation's file, the cross-check of the
 * run's accounts and systems against it, and the permission matrix applied to what the run asks for — first by
 * the declared class before any cloud call, then by the class the cross-check found. Stricter always wins; no
 * flag lowers a rule.
 */
final class EnvironmentGuard {
    private static final Pattern PROBE_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:/-]*$");

    private final ExecuteRequest request;
    private final LoadedPlan plan;
    private final Optional<OrgConfig> org;
    private final PipelineGate.Purpose verb;
    /** Accounts whose alias could not be read, so name patterns could not classify them. */
    private final List<String> aliasNotes = new ArrayList<>();
    /** The {@code --pipeline-approvals} file as its checks read it, once they passed: what the run answers from. */
    private AnswersFileApprover checkedPipelineApprovals;

    private EnvironmentGuard(
            ExecuteRequest request, LoadedPlan plan, Optional<OrgConfig> org, PipelineGate.Purpose verb) {
        this.request = request;
        this.plan = plan;
        this.org = org;
        this.verb = verb;
    }

    /**
     * The guard of {@code execute}: reads the organisation's file ({@code --org-config}, else
     * {@code CUTOVER_ORG_CONFIG}); exit 2 if invalid.
     */
    static EnvironmentGuard load(ExecuteRequest request, LoadedPlan plan) {
        return load(request, plan, PipelineGate.Purpose.EXECUTE);
    }

    /** The guard of {@code verb} (execute or rollback), which also decides which approvals file it may read. */
    static EnvironmentGuard load(ExecuteRequest request, LoadedPlan plan, PipelineGate.Purpose verb) {
        Optional<OrgConfig> org = OrgConfigLoader.locate(request.guard().orgConfig(), request.environment())
                .map(file -> new OrgConfigLoader(SchemaValidator.shared()).load(file));
        return new EnvironmentGuard(request, plan, org, verb);
    }

    /** The declared class's permissions, known before any probe: what execute can refuse without a cloud call. */
    EnvironmentVerdict declared() {
        return EnvironmentClassifier.classify(plan.config().environment(), org, List.of());
    }

    /**
     * Cross-checks the run's accounts (confirmed by check 6 when aws is allowed) and the systems the
     * organisation's {@code identity_probe} reports; refuses a mismatch.
     */
    EnvironmentVerdict classify(StepCommands commands) {
        if (org.isEmpty()) {
            return declared();
        }
        String how = plan.allowed().allowsAws()
                ? "confirmed by aws sts get-caller-identity"
                : "from the checklists; aws is not allowed, so not probed";
        List<RunIdentity> accounts = EnvironmentClassifier.checklistAccounts(plan.inputs(), how);
        if (plan.allowed().allowsAws() && org.get().hasNamePatterns()) {
            AccountAliases aliases = new AccountAliases(commands);
            accounts = aliases.named(accounts);
            aliasNotes.addAll(aliases.notes());
        }
        List<RunIdentity> identities = new ArrayList<>(accounts);
        org.get().identityProbe().ifPresent(probe -> identities.addAll(probe(commands, probe)));
        return EnvironmentClassifier.classify(plan.config().environment(), org, identities);
    }

    /** Refuses what {@code verdict}'s permissions forbid the run to ask for (execute only). */
    void refuse(EnvironmentVerdict verdict) {
        GuardOptions asked = request.guard();
        boolean pipeline = asked.pipelineApprovals() != null;
        DirectMutation direct = verdict.permissions().directMutation();
        String whose = verdict.rulesOf() + " (" + verdict.source() + ")";
        if (direct == DirectMutation.PIPELINE_ONLY && !pipeline) {
            throw new CutoverException(
                    ErrorCode.DIRECT_MUTATION_REFUSED,
                    verb.verb() + " refused: direct mutation is pipeline-only for " + whose + "; nothing was executed. "
                            + throughThePipeline());
        }
        if (pipeline && direct != DirectMutation.PIPELINE_ONLY) {
            throw new CutoverException(
                    ErrorCode.PIPELINE_APPROVALS_REFUSED,
                    "--pipeline-approvals refused: direct mutation is " + direct.configName() + " for " + whose
                            + ", not pipeline-only; run " + verb.verb() + " at a terminal.");
        }
        if (request.answersFile() != null && verdict.permissions().answersFile() == AnswersFiles.REFUSED) {
            throw new CutoverException(
                    ErrorCode.ANSWERS_NOT_ALLOWED,
                    "--answers is refused: answers files are refused for " + whose
                            + "; every decision is made at the operator's terminal.");
        }
        if (asked.approval().looserThan(verdict.permissions().approval())) {
            throw new CutoverException(
                    ErrorCode.APPROVAL_MODE_REFUSED,
                    "--approval " + asked.approval().configName() + " refused: " + whose + " allows at most "
                            + verdict.permissions().approval().configName() + " approval.");
        }
        if (pipeline && checkedPipelineApprovals == null) {
            checkedPipelineApprovals = PipelineGate.require(request, plan, verb);
        }
    }

    /** The pipeline approvals file as {@link #refuse} checked it; empty without {@code --pipeline-approvals}. */
    Optional<AnswersFileApprover> checkedPipelineApprovals() {
        return Optional.ofNullable(checkedPipelineApprovals);
    }

    /** Where a pipeline-only class's change goes instead: the pipeline job's mode for this verb. */
    private String throughThePipeline() {
        if (verb == PipelineGate.Purpose.ROLLBACK) {
            return "Roll back through the pipeline change's job (`run-cutover.sh rollback`, workflow mode rollback)"
                    + " under its approval gate.";
        }
        if (request.resume()) {
            return "Continue the run through the pipeline change's job (`run-cutover.sh resume`, workflow mode"
                    + " resume with the halted run's id) under its approval gate.";
        }
        return "Run `cutover prepare-pipeline --run-dir " + request.runDir().shellWord()
                + " --repo PATH` and let the CI pipeline execute it under its approval gate.";
    }

    /** The approver the run uses: {@code base}, answering automatically what a looser approval mode allows. */
    Approver approver(EnvironmentVerdict verdict, Approver base, PrintWriter out) {
        Approver approver = request.guard().pipelineApprovals() == null ? base : PipelineGate.noting(request, base);
        ApprovalMode mode = request.guard().approval();
        if (mode == ApprovalMode.PER_STEP) {
            return approver;
        }
        String rule = "--approval " + mode.configName() + "; " + verdict.rulesOf() + " allows up to "
                + verdict.permissions().approval().configName() + " (" + verdict.source() + ")";
        return new AutomaticApprovals(approver, mode, rule, plan, out);
    }

    /** Warnings for go/no-go and the report: a discouraged direct mutation, production rules from unknown ids. */
    List<String> warnings(EnvironmentVerdict verdict) {
        List<String> warnings = new ArrayList<>(aliasNotes);
        if (verdict.productionRulesApplied()) {
            warnings.add("environment: not mapped in the organisation's file, so production rules apply: "
                    + String.join(
                            ", ",
                            verdict.unmapped().stream()
                                    .map(RunIdentity::describe)
                                    .toList()));
        }
        if (verdict.permissions().directMutation() == DirectMutation.PIPELINE_ONLY) {
            warnings.add("environment: direct mutation is pipeline-only for " + verdict.rulesOf() + " ("
                    + verdict.source() + "); execute runs only in the pipeline `cutover prepare-pipeline` generates");
        }
        if (verdict.permissions().directMutation() == DirectMutation.DISCOURAGED) {
            warnings.add("environment: direct mutation is discouraged for " + verdict.rulesOf() + " ("
                    + verdict.source() + "); prefer `cutover prepare-pipeline` and the CI approval gate");
        }
        return warnings;
    }

    private List<RunIdentity> probe(StepCommands commands, String probe) {
        CommandResult r = commands.run(ExecutionStep.RUN_LEVEL_STEP_ID, "probe", probe);
        List<RunIdentity> found = new ArrayList<>();
        for (String line : r.stdoutHead().lines().map(String::strip).toList()) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (!PROBE_ID.matcher(parts[0]).matches()) {
                throw probeFailed(probe, "printed `" + parts[0] + "`, which is not an id");
            }
            Optional<String> name = parts.length > 1 ? Optional.of(parts[1]) : Optional.empty();
            found.add(new RunIdentity(parts[0], name, "system (identity_probe)"));
        }
        if (r.exitCode() != 0 || found.isEmpty()) {
            throw probeFailed(probe, r.exitCode() != 0 ? "exited " + r.exitCode() : "printed no `ID [NAME]` line");
        }
        return found;
    }

    private static CutoverException probeFailed(String probe, String what) {
        return new CutoverException(
                ErrorCode.IDENTITY_MISMATCH,
                "environment: the organisation's identity_probe `" + probe + "` " + what
                        + "; it must exit 0 and print one `ID [NAME]` line per system");
    }
}
