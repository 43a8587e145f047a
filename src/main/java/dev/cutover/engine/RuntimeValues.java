package dev.cutover.engine;

import dev.cutover.policy.Placeholder;
import dev.cutover.policy.Placeholders;
import dev.cutover.policy.SafeValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * The runtime parameters and captured values of one step (FORMATS.md §4.3): operator-supplied values and ids
 * captured from execute output, substituted into the step's commands by the same code that quoted compile-time
 * values. Every value matches the safe-character pattern; {@code secret-file} must also be an existing regular
 * file outside the run directory, and only its path is ever recorded.
 */
final class RuntimeValues {
    static final String SECRET_FILE = "secret-file";

    private final Map<String, String> values = new LinkedHashMap<>();

    void put(String name, String value) {
        if (!SafeValue.isSafe(value)) {
            throw new IllegalArgumentException("value for " + name + " is not a safe value");
        }
        values.put(name, value);
    }

    void putAll(Map<String, String> more) {
        more.forEach(this::put);
    }

    /** An independent copy: what is put into it later does not change this one. */
    RuntimeValues copy() {
        RuntimeValues copy = new RuntimeValues();
        copy.values.putAll(values);
        return copy;
    }

    String valueOf(String name) {
        return values.get(name);
    }

    /** Canonical names of every placeholder in {@code command}, known or not. */
    List<String> namesIn(String command) {
        return Placeholders.find(command, false).stream()
                .map(Placeholder::canonical)
                .distinct()
                .toList();
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The command with every known value substituted; still-open placeholders stay as {@code {name}}. */
    String substitute(String command) {
        return Placeholders.substitute(command, values, false).text();
    }

    /** Parameters {@code command} still needs, in order of appearance. */
    List<String> open(String command) {
        return Placeholders.substitute(command, values, false).openParameters();
    }

    /** The values as compact JSON for the {@code approval-requested} notes. */
    String toJson() {
        return toJson(values.keySet());
    }

    /** The known values {@code command} names, as compact JSON: the values that command was built from. */
    String toJsonFor(String command) {
        return toJson(namesIn(command).stream().filter(this::has).toList());
    }

    private String toJson(Iterable<String> names) {
        StringJoiner json = new StringJoiner(",", "{", "}");
        // Safe values contain no quote or backslash, so no escaping is needed.
        names.forEach(k -> json.add("\"" + k + "\":\"" + values.get(k) + "\""));
        return json.toString();
    }

    /** What a value for {@code name} must satisfy. */
    static Predicate<String> rule(String name, Path runDir) {
        if (SECRET_FILE.equals(name)) {
            return v -> SafeValue.isSafe(v) && isSecretFileOutside(Path.of(v), runDir);
        }
        return SafeValue::isSafe;
    }

    static String ruleText(String name) {
        if (SECRET_FILE.equals(name)) {
            return "an absolute path to an existing regular file outside the run directory (its contents are never"
                    + " read or logged; only the path is recorded)";
        }
        return "letters, digits and . _ : / @ + = , - only, not starting with - (nor with file:// or fileb://,"
                + " which make the AWS CLI read a local file and send it)";
    }

    private static boolean isSecretFileOutside(Path file, Path runDir) {
        if (!file.isAbsolute() || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            // Real paths: a symlinked parent folder must not smuggle a file inside the run directory past the rule.
            return !file.toRealPath().startsWith(runDir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
