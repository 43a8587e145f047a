package dev.cutover.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.compile.PlanIdentity;
import dev.cutover.engine.EnvironmentClassifier;
import dev.cutover.engine.EnvironmentVerdict;
import dev.cutover.engine.LoadedPlan;
import dev.cutover.engine.PipelineApprovalsFile;
import dev.cutover.engine.PipelineSignableGates;
import dev.cutover.engine.SignOff;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.error.Problem;
import dev.cutover.input.DirectMutation;
import dev.cutover.input.OrgConfig;
import dev.cutover.input.OrgConfigLoader;
import dev.cutover.input.Plane;
import dev.cutover.input.RunDirectory;
import dev.cutover.input.SchemaValidator;
import dev.cutover.rehearsal.RehearsalGate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cutover prepare-pipeline} (docs/commands/prepare-pipeline.md): for a pipeline-only environment class,
 * commits the compiled plan, its inputs, a pipeline job (generic script and GitHub Actions workflow), the approvals
 * file bound to the plan and a change description to a new branch of the operator's clean git repository, through
 * a temporary worktree so the operator's checkout is untouched. Never pushes.
 */
public final class PreparePipelineService {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An inline secret argument whose value is not a file reference or placeholder (ADR 0004). */
    private static final Pattern LITERAL_SECRET = Pattern.compile(
            "(--secret-string|--client-secret)(=|\\s+)(?![\"']?(file://|@|\\{|<))(\"[^\"]*\"|'[^']*'|\\S+)");

    private final CompileService compile;
    private final Map<String, String> environment;

    /** @param environment the process environment: {@code CUTOVER_ORG_CONFIG}, and git's {@code HOME} and PATH */
    public PreparePipelineService(CompileService compile, Map<String, String> environment) {
        this.compile = compile;
        this.environment = Map.copyOf(environment);
    }

    /**
     * What to prepare.
     *
     * @param runDir the run directory
     * @param runId {@code --run-id}, when given
     * @param repo {@code --repo}
     * @param branch {@code --branch}, or empty for {@code cutover/<run id>}
     * @param orgConfig {@code --org-config}, or null for {@code CUTOVER_ORG_CONFIG}
     */
    public record Request(
            RunDirectory runDir, Optional<String> runId, Path repo, Optional<String> branch, Path orgConfig) {}

    public PreparedPipeline prepare(Request request) {
        LoadedPlan plan = compile.loadForExecution(request.runDir(), request.runId());
        SignOff.check(plan.inputs().controlPlaneMarkdown(), plan.inputs().dataPlaneMarkdown())
                .ifPresent(why -> {
                    throw new CutoverException(ErrorCode.SIGNOFF_MISSING, "prepare-pipeline: " + why);
                });
        refuseLiteralSecrets(request.runDir());
        EnvironmentVerdict verdict = verdict(plan, request.orgConfig());
        if (verdict.permissions().directMutation() != DirectMutation.PIPELINE_ONLY) {
            throw refused("direct mutation is "
                    + verdict.permissions().directMutation().configName() + " for "
                    + verdict.rulesOf() + " (" + verdict.source() + "), not pipeline-only: run `cutover execute`"
                    + " there instead");
        }
        refuseUnsignableGates(plan);
        String runId = plan.inputs().controlPlane().metadata().runId();
        String name = slug(runId);
        String branch = request.branch().orElse("cutover/" + name);
        PipelineJob.Change change = new PipelineJob.Change(
                runId,
                name,
                "cutover/" + name,
                plan.config().environment().configName(),
                plan.plan().steps().stream()
                        .mapToLong(s -> s.estimatedSeconds())
                        .sum());
        PipelineCommit commit = new PipelineCommit(new GitRepository(environment), request.repo(), branch);
        commit.requireReady(change);
        refuseWithoutRehearsal(plan, verdict, request.runDir());
        return commit.create(change, files(plan, verdict, change, request.runDir()));
    }

    private PipelineCommit.Contents files(
            LoadedPlan plan, EnvironmentVerdict verdict, PipelineJob.Change change, RunDirectory runDir) {
        return new PipelineCommit.Contents(
                runDir,
                plan.stepsJson(),
                PipelineApprovalsFile.render(plan, change.environment()),
                PipelineApprovalsFile.renderRollback(plan, change.environment()),
                ChangeDescription.render(plan, verdict, change),
                PipelineJob.script(change),
                PipelineJob.workflow(change));
    }

    private EnvironmentVerdict verdict(LoadedPlan plan, Path orgConfig) {
        Optional<OrgConfig> org = OrgConfigLoader.locate(orgConfig, environment)
                .map(file -> new OrgConfigLoader(SchemaValidator.shared()).load(file));
        return EnvironmentClassifier.classify(
                plan.config().environment(),
                org,
                EnvironmentClassifier.checklistAccounts(
                        plan.inputs(), "from the checklists; the pipeline's pre-flight probes them"));
    }

    /**
     * The pipeline's pre-flight refuses a run its class requires a rehearsal for when no successful rehearsal of
     * this plan is on record: a change committed without one would be reviewed, approved and released by the CI
     * gate only to be refused. The same check as pre-flight's, on the run directory that is committed.
     */
    private static void refuseWithoutRehearsal(LoadedPlan plan, EnvironmentVerdict verdict, RunDirectory runDir) {
        if (!verdict.permissions().rehearsalRequired()) {
            return;
        }
        PlanIdentity identity =
                PlanIdentity.of(plan.plan(), plan.inputs().controlPlane().metadata());
        RehearsalGate.Decision decision = new RehearsalGate().check(runDir.root(), identity);
        if (!decision.passed()) {
            throw new CutoverException(
                    ErrorCode.REHEARSAL_MISSING,
                    "prepare-pipeline refused: the pipeline job's pre-flight would refuse this run, so nothing is"
                            + " committed. Rehearsal (required for " + verdict.rulesOf() + "): "
                            + decision.message());
        }
    }

    /**
     * A gate the pipeline cannot sign ({@link PipelineSignableGates}) would halt the pipeline run there, perhaps past
     * the point of no return, with no approvals line that could continue it: refused before anything is committed.
     */
    private static void refuseUnsignableGates(LoadedPlan plan) {
        List<Problem> problems = PipelineSignableGates.unsignable(plan.gates());
        if (!problems.isEmpty()) {
            throw new CutoverException(
                    ErrorCode.PIPELINE_REFUSED,
                    "prepare-pipeline refused: the pipeline could not sign " + signatures(problems) + " of the plan's"
                            + " go/no-go gates, so its run would halt there with no approvals line to continue it;"
                            + " nothing was committed",
                    problems);
        }
    }

    private static String signatures(List<Problem> problems) {
        return problems.size() == 1 ? "1 signature" : problems.size() + " signatures";
    }

    /** The inputs are committed as they are: a literal secret in a checklist command would be published. */
    private static void refuseLiteralSecrets(RunDirectory dir) {
        for (Plane plane : Plane.values()) {
            JsonNode root;
            try {
                root = JSON.readTree(dir.file(plane.jsonFile()).toFile());
            } catch (IOException e) {
                throw new CutoverException(ErrorCode.IO_FAILURE, "cannot read " + plane.jsonFile() + ": " + e, e);
            }
            for (JsonNode command : root.findValues("command")) {
                Matcher m = LITERAL_SECRET.matcher(command.asText());
                if (m.find()) {
                    throw refused(plane.jsonFile() + " holds a literal secret after " + m.group(1) + "; committing"
                            + " the inputs would publish it. Use file://{secret-file} in the checklist instead");
                }
            }
        }
    }

    /** Run ids become folder, branch and workflow names: lowercase letters, digits and dashes only. */
    static String slug(String runId) {
        String s = runId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "run" : s;
    }

    static CutoverException refused(String why) {
        return new CutoverException(ErrorCode.PIPELINE_REFUSED, "prepare-pipeline refused: " + why);
    }
}
