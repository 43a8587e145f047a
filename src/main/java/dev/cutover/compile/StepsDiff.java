package dev.cutover.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Names the first difference between a stored {@code execution-steps.json} and what the inputs compile to now,
 * so a refusal on drift tells the operator which step changed and how, not just that the bytes differ.
 */
public final class StepsDiff {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StepsDiff() {}

    /** A one-line description of the first difference, or empty when the documents are equal. */
    public static Optional<String> firstDifference(byte[] stored, byte[] compiled) {
        JsonNode a;
        JsonNode b;
        try {
            a = JSON.readTree(stored);
            b = JSON.readTree(compiled);
        } catch (IOException e) {
            return Optional.of("the stored file is not valid JSON ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (!a.isArray()) {
            return Optional.of("the stored file is not an array of steps");
        }
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Optional<String> d = stepDifference(a.get(i), b.get(i));
            if (d.isPresent()) {
                return Optional.of(
                        "step " + (i + 1) + " (" + a.get(i).path("step_id").asText() + "): " + d.get());
            }
        }
        if (a.size() != b.size()) {
            return Optional.of("the stored plan has " + a.size() + " steps, the inputs now compile to " + b.size());
        }
        return a.equals(b) ? Optional.empty() : Optional.of("formatting differs (same steps)");
    }

    private static Optional<String> stepDifference(JsonNode stored, JsonNode compiled) {
        Iterator<Map.Entry<String, JsonNode>> fields = compiled.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode old = stored.get(f.getKey());
            if (!f.getValue().equals(old)) {
                return Optional.of(f.getKey() + " was " + shorten(old) + ", now " + shorten(f.getValue()));
            }
        }
        return stored.size() == compiled.size() ? Optional.empty() : Optional.of("the stored step has extra keys");
    }

    private static String shorten(JsonNode node) {
        String text = node == null ? "absent" : node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
