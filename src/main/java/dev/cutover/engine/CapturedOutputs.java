package dev.cutover.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.compile.CapturedIds;
import dev.cutover.policy.SafeValue;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Ids a long-running step's poll needs, captured from its execute command's JSON output (FORMATS.md §4.3): the
 * names and JSON pointers of {@link CapturedIds#CAPTURES}.
 */
final class CapturedOutputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CapturedOutputs() {}

    /** The names captured here: those of {@link CapturedIds#CAPTURES}, which plans and runbooks read too. */
    static Set<String> names() {
        Set<String> names = new TreeSet<>();
        CapturedIds.CAPTURES.forEach(c -> names.add(c.name()));
        return names;
    }

    /** The values found in {@code stdout}; values that are not safe are left out (then the operator is asked). */
    static Map<String, String> capture(String stdout) {
        Map<String, String> found = new LinkedHashMap<>();
        // Every pointer names a field of a top-level object: output that is not one (nothing, text, an array)
        // holds none, and most commands print no JSON at all, so it is not parsed.
        if (stdout == null || !stdout.stripLeading().startsWith("{")) {
            return found;
        }
        JsonNode root;
        try {
            root = JSON.readTree(stdout);
        } catch (IOException e) {
            return found;
        }
        for (CapturedIds.Capture c : CapturedIds.CAPTURES) {
            JsonNode node = root.at(c.pointer());
            if (node.isTextual() && SafeValue.isSafe(node.asText()) && !found.containsKey(c.name())) {
                found.put(c.name(), node.asText());
            }
        }
        return found;
    }

    /** The {@code executed} notes form: {@code captured: name=value; name2=value2}. */
    static String notes(Map<String, String> captured) {
        if (captured.isEmpty()) {
            return null;
        }
        StringJoiner j = new StringJoiner("; ", "captured: ", "");
        captured.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }
}
