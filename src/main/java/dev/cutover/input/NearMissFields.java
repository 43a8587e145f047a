package dev.cutover.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cutover.error.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the unknown fields of a JSON input that are one slip away from a field its schema defines at the same
 * place ({@link Spelling#nearMisses}): {@code verification_comand} beside no {@code verification_command}. The
 * upstream schemas allow extra fields, so an unknown field in general stays accepted; a near miss is most likely
 * a typo whose setting Cutover would silently go without. A near miss of a field that changes what a run does
 * for safety (verification, rollback, irreversibility, polling, freezes, gates, ordering) is refused; any other is
 * a warning.
 *
 * <p>An unknown field is not a near miss when the field it resembles is present beside it: upstream writes
 * {@code rpo_target_minutes} next to {@code rto_target_minutes}, and those are two fields, not one misspelt.
 */
final class NearMissFields {
    /** What a run would go without if each safety field were silently missing, by field name. */
    private static final Map<String, String> SAFETY = Map.ofEntries(
            Map.entry("verification_command", "the step would have no verification command of its own"),
            Map.entry("rollback_command", "the step would have no rollback command of its own"),
            Map.entry("rollback", "the phase would have no rollback"),
            Map.entry("steps", "these steps would be missing"),
            Map.entry("irreversible", "the step would not ask for the second confirmation of an irreversible change"),
            Map.entry("long_running", "the step would not be polled as the checklist says"),
            Map.entry("poll_cmd", "the job would not be polled with the checklist's command"),
            Map.entry("poll_terminal_states", "polling would not stop on the checklist's states"),
            Map.entry("freeze_windows", "no write freeze would be tracked"),
            Map.entry("freeze_window", "the datastore's write freeze would be missing"),
            Map.entry("begins_at_step_id", "the write freeze would not begin where the checklist says"),
            Map.entry("begins_at_phase", "the write freeze would not begin where the plan says"),
            Map.entry("release_step_id", "the write freeze would not be released by a step"),
            Map.entry("duration_minutes", "the write freeze would have no time limit to warn about"),
            Map.entry("required", "the write freeze would not be required"),
            Map.entry("go_no_go_gate", "the phase's go/no-go gate would not be asked"),
            Map.entry("criteria", "the gate's criteria would be missing"),
            Map.entry("approvers", "the gate would ask no approver"),
            Map.entry("handoff_to_data_plane", "the handoff's criteria would be missing"),
            Map.entry("depends_on", "the datastore's ordering would be lost"));

    /** The near misses of one file: those refused, and those only warned about. */
    record Found(List<Problem> refused, List<Problem> warned) {
        Found {
            refused = List.copyOf(refused);
            warned = List.copyOf(warned);
        }
    }

    private final JsonNode schemaDocument;
    private final String fileName;
    private final List<Problem> refused = new ArrayList<>();
    private final List<Problem> warned = new ArrayList<>();

    private NearMissFields(JsonNode schemaDocument, String fileName) {
        this.schemaDocument = schemaDocument;
        this.fileName = fileName;
    }

    /** The near misses in {@code document}, walked along {@code schemaDocument} (properties, items, local $ref). */
    static Found find(JsonNode schemaDocument, String fileName, JsonNode document) {
        NearMissFields walk = new NearMissFields(schemaDocument, fileName);
        walk.visit(schemaDocument, document, "");
        return new Found(walk.refused, walk.warned);
    }

    private void visit(JsonNode schema, JsonNode value, String pointer) {
        JsonNode rule = resolve(schema);
        if (value.isArray() && rule.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                visit(rule.get("items"), value.get(i), pointer + "/" + i);
            }
        } else if (value.isObject()) {
            visitObject(rule, value, pointer);
        }
    }

    private void visitObject(JsonNode rule, JsonNode value, String pointer) {
        JsonNode properties = rule.path("properties");
        JsonNode others = rule.path("additionalProperties");
        List<String> known = new ArrayList<>();
        properties.fieldNames().forEachRemaining(known::add);
        value.fieldNames().forEachRemaining(name -> {
            String at = pointer + "/" + SchemaViolations.escape(name);
            if (properties.has(name)) {
                visit(properties.get(name), value.get(name), at);
            } else if (others.isObject()) {
                visit(others, value.get(name), at); // a map (team name -> team): any key is expected
            } else {
                List<String> meant = Spelling.nearMisses(
                        name, known.stream().filter(k -> !value.has(k)).toList());
                if (!meant.isEmpty()) {
                    report(at, name, meant);
                }
            }
        });
    }

    private void report(String at, String name, List<String> meant) {
        String guess = meant.stream().map(m -> "`" + m + "`").collect(Collectors.joining(" or "));
        String message = "unknown field `" + name + "` (did you mean " + guess + "?)";
        String rename = "rename it to " + (meant.size() == 1 ? guess : "one of " + String.join(", ", meant));
        Optional<String> safety = meant.stream().filter(SAFETY::containsKey).findFirst();
        if (safety.isPresent()) {
            refused.add(new Problem(
                    fileName,
                    at,
                    message + ": Cutover ignores fields it does not know, so " + SAFETY.get(safety.get()),
                    rename + "; a field of your own needs a name further from " + guess));
        } else {
            warned.add(new Problem(fileName, at, message + " is ignored", rename + ", or remove it"));
        }
    }

    /** Follows local {@code $ref}s ({@code #/$defs/...}), the only kind Cutover's schemas use. */
    private JsonNode resolve(JsonNode schema) {
        JsonNode rule = schema;
        for (int hops = 0; rule.has("$ref") && hops < 16; hops++) {
            String ref = rule.get("$ref").asText();
            rule = ref.startsWith("#") ? schemaDocument.at(ref.substring(1)) : MissingNode.getInstance();
        }
        return rule;
    }
}
