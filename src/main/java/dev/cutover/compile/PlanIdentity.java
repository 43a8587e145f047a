package dev.cutover.compile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.digest.Sha256;
import dev.cutover.input.ChecklistMetadata;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes two compiled plans "the same plan" for rehearsal evidence (docs/rehearsal.md): a SHA-256 over a
 * canonical form of the steps — their order, ids, actions, every command, requires, irreversibility and approval
 * — with the values that name the environment rather than the plan replaced by placeholders: 12-digit AWS
 * account ids (the run's source and target accounts as {@code {source-account}} / {@code {target-account}},
 * any other as {@code {account}}) and literal AWS profile names ({@code --profile X}, {@code AWS_PROFILE=X}).
 * So a staging rehearsal of the production checklists has the production plan's identity, while any change to
 * a step, a command or the order gives a different one.
 *
 * @param sha256 lowercase hex SHA-256 of {@link #canonical}
 */
public record PlanIdentity(String sha256) {
    /** Names the canonical form; a change to what is identity changes this, so old identities never match. */
    public static final String FORMAT = "cutover-plan-identity/1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACCOUNT = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");
    // A literal profile value; $VARIABLE references (MIGRATION_SOURCE_PROFILE, …) name a role and stay.
    private static final Pattern PROFILE_FLAG =
            Pattern.compile("(--profile)(\\s+|=)(?!['\"]?\\$)('[^']*'|\"[^\"]*\"|[^\\s;|&)'\"]+)");
    private static final Pattern PROFILE_VARIABLE =
            Pattern.compile("\\b(AWS_PROFILE|AWS_DEFAULT_PROFILE)=(?!['\"]?\\$)('[^']*'|\"[^\"]*\"|[^\\s;|&)'\"]+)");

    public PlanIdentity {
        Objects.requireNonNull(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a plan identity is 64 lowercase hex digits: " + sha256);
        }
    }

    /** The identity of {@code steps} (execution order) of a run whose checklists name these two accounts. */
    public static PlanIdentity of(List<ExecutionStep> steps, String sourceAccountId, String targetAccountId) {
        return new PlanIdentity(Sha256.hex(canonical(steps, sourceAccountId, targetAccountId)));
    }

    /** The identity of {@code plan} for the source and target accounts its control-plane checklist names. */
    public static PlanIdentity of(Plan plan, ChecklistMetadata metadata) {
        return of(plan.steps(), metadata.sourceAccountId(), metadata.targetAccountId());
    }

    /** The canonical form the identity hashes: compact JSON, fixed key order, environment values normalised. */
    public static String canonical(List<ExecutionStep> steps, String sourceAccountId, String targetAccountId) {
        Normaliser n = new Normaliser(sourceAccountId, targetAccountId);
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
        ArrayNode array = root.putArray("steps");
        for (ExecutionStep s : steps) {
            ObjectNode o = array.addObject();
            o.put("step_id", s.stepId()).put("phase_number", s.phaseNumber()).put("plane", s.plane());
            o.put("action", s.action()).put("tool", s.tool());
            s.requires().forEach(o.putArray("requires")::add);
            o.put("irreversible", s.irreversible())
                    .put("approval_required", s.approvalRequired())
                    .put("long_running", s.longRunning());
            s.runtimeParams().forEach(o.putArray("runtime_params")::add);
            o.put("preview_cmd", n.apply(s.previewCmd()))
                    .put("execute_cmd", n.apply(s.executeCmd()))
                    .put("verify_cmd", n.apply(s.verifyCmd()))
                    .put("verify_success_pattern", s.verifySuccessPattern())
                    .put("rollback_cmd", n.apply(s.rollbackCmd()))
                    .put("poll_cmd", n.apply(s.pollCmd()));
            s.pollTerminalStates().forEach(o.putArray("poll_terminal_states")::add);
            s.pollSuccessStates().forEach(o.putArray("poll_success_states")::add);
            o.put("resource_arn", n.apply(s.resourceArn())).put("datastore_arn", n.apply(s.datastoreArn()));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    /** The first 12 hex digits, for messages (the full value is in the evidence and {@code --json}). */
    public String shortForm() {
        return sha256.substring(0, 12);
    }

    /** Replaces environment values in one string; null stays null. */
    private record Normaliser(String source, String target) {
        String apply(String text) {
            if (text == null) {
                return null;
            }
            Matcher m = ACCOUNT.matcher(text);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String id = m.group();
                String role =
                        id.equals(source) ? "{source-account}" : id.equals(target) ? "{target-account}" : "{account}";
                m.appendReplacement(b, Matcher.quoteReplacement(role));
            }
            m.appendTail(b);
            String accounts = b.toString();
            String flags = PROFILE_FLAG.matcher(accounts).replaceAll("$1 {profile}");
            return PROFILE_VARIABLE.matcher(flags).replaceAll("$1={profile}");
        }
    }
}
