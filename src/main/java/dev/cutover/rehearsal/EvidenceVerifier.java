package dev.cutover.rehearsal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.StepsJson;
import dev.cutover.journal.JournalContents;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.JournalIntegrityException;
import dev.cutover.journal.JournalReader;
import dev.cutover.journal.ReverseRollbacks;
import dev.cutover.policy.Placeholders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Verifies {@code rehearsal-evidence.json} from its own contents (docs/rehearsal.md), stopping at the first
 * failed check: the layout; the embedded journal's hash chain and format; the embedded steps are a compiled steps
 * file; the journal ran exactly those steps (every approved command is its step's command with the journaled
 * values); every claim equals what the journal and steps give; the seal.
 */
public final class EvidenceVerifier {
    private static final Map<String, String> NO_VALUES = Map.of();

    /**
     * The result: valid with the re-derived claims, or the first failed check and why.
     *
     * @param check the failed check ({@code layout}, {@code journal}, {@code steps}, {@code binding},
     *     {@code claims}, {@code seal}), or null when valid
     * @param message one line for the operator, or null when valid
     * @param claims the claims (re-derived and equal to the file's) when valid, else null
     */
    public record Result(String check, String message, JsonNode claims) {
        public boolean valid() {
            return check == null;
        }

        public static Result invalid(String check, String message) {
            return new Result(check, message, null);
        }

        /** The plan identity the evidence proves (valid evidence only). */
        public String planIdentity() {
            return claims.path("plan_identity").asText();
        }

        public boolean succeeded() {
            return RehearsalClaims.SUCCEEDED.equals(claims.path("outcome").asText());
        }
    }

    /** Verifies the evidence file's bytes. */
    public Result verify(byte[] file) {
        JsonNode root;
        try {
            root = EvidenceJson.read(file);
        } catch (EvidenceJson.NotStrict e) {
            return Result.invalid("layout", e.getMessage());
        }
        if (root == null
                || !root.isObject()
                || !RehearsalEvidence.FORMAT.equals(root.path("format").asText())) {
            return Result.invalid("layout", "not rehearsal evidence (format must be " + RehearsalEvidence.FORMAT + ")");
        }
        Set<String> keys = new TreeSet<>();
        root.fieldNames().forEachRemaining(keys::add);
        if (!keys.equals(Set.of("format", "claims", "bundle", "seal"))) {
            return Result.invalid(
                    "layout", "the evidence must hold exactly format, claims, bundle and seal, not " + keys);
        }
        JsonNode bundle = root.path("bundle");
        if (!bundle.path(RehearsalEvidence.JOURNAL).isTextual()
                || !bundle.path(RehearsalEvidence.STEPS).isTextual()) {
            return Result.invalid("layout", "the bundle must hold the journal and the steps as text");
        }
        JournalContents journal;
        try {
            journal = new JournalReader()
                    .read(Path.of("bundle.execution_log_jsonl"), bytes(bundle, RehearsalEvidence.JOURNAL));
        } catch (JournalIntegrityException e) {
            return Result.invalid("journal", e.getMessage());
        }
        if (journal.metadata() == null || journal.isTorn()) {
            return Result.invalid("journal", "the embedded journal is empty or ends in a torn line");
        }
        List<ExecutionStep> steps;
        byte[] stepsBytes = bytes(bundle, RehearsalEvidence.STEPS);
        try {
            steps = StepsJson.read(stepsBytes);
        } catch (RuntimeException e) {
            return Result.invalid("steps", "the embedded steps are not execution-steps.json: " + e.getMessage());
        }
        if (!Arrays.equals(StepsJson.write(steps), stepsBytes)) {
            return Result.invalid("steps", "the embedded steps are not byte for byte what the compiler writes");
        }
        String unbound = binding(journal, steps);
        if (unbound != null) {
            return Result.invalid("binding", unbound);
        }
        ObjectNode derived = RehearsalClaims.derive(journal, steps);
        String differs = JsonDiff.first("claims", root.path("claims"), derived);
        if (differs != null) {
            return Result.invalid("claims", differs);
        }
        JsonNode seal = root.path("seal");
        String digest = RehearsalEvidence.digest(RehearsalEvidence.unsealed(root, root.path("claims"), bundle));
        if (!"sha256".equals(seal.path("algorithm").asText())
                || !digest.equals(seal.path("digest").asText())) {
            return Result.invalid(
                    "seal",
                    "the seal's digest is not the SHA-256 of the evidence (the file was edited"
                            + " after it was written)");
        }
        return new Result(null, null, derived);
    }

    /** Null when the journal ran exactly these steps; else the first entry that does not fit them. */
    private static String binding(JournalContents journal, List<ExecutionStep> steps) {
        Map<String, ExecutionStep> byId =
                steps.stream().collect(Collectors.toMap(ExecutionStep::stepId, Function.identity()));
        for (JournalEntry e : journal.entries()) {
            if (e.isRunLevel()) {
                continue;
            }
            ExecutionStep step = byId.get(e.stepId());
            if (step == null) {
                return "journal entry " + e.entryId() + " names " + e.stepId() + ", which is not in the embedded steps";
            }
            String template = template(e, step);
            if (template != null && !template.equals(e.cmd())) {
                return "journal entry " + e.entryId() + " (" + e.event().wireName() + " of " + e.stepId()
                        + ") approved `" + e.cmd() + "`, but the embedded step's command gives `" + template + "`";
            }
        }
        return null;
    }

    /** What the step's command is with the entry's values, for the entries that record an approved command. */
    private static String template(JournalEntry e, ExecutionStep step) {
        String notes = e.notes() == null ? "" : e.notes();
        if (e.event() == JournalEvent.APPROVAL_REQUESTED) {
            return Placeholders.substitute(step.executeCmd(), values(notes), false)
                    .text();
        }
        if (e.event() == JournalEvent.ROLLBACK_APPROVED && notes.startsWith(ReverseRollbacks.PREFIX)) {
            int at = notes.indexOf("values=");
            int end = at < 0 ? -1 : notes.indexOf("; ", at);
            String json = at < 0 ? "{}" : notes.substring(at + "values=".length(), end < 0 ? notes.length() : end);
            return Placeholders.substitute(step.rollbackCmd(), values(json), false)
                    .text();
        }
        return null;
    }

    private static Map<String, String> values(String json) {
        if (!json.startsWith("{")) {
            return NO_VALUES;
        }
        try {
            return RehearsalEvidence.JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (IOException e) {
            return NO_VALUES;
        }
    }

    private static byte[] bytes(JsonNode bundle, String key) {
        return bundle.path(key).asText().getBytes(StandardCharsets.UTF_8);
    }
}
