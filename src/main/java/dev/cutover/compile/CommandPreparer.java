package dev.cutover.compile;

import dev.cutover.policy.AllowedPrograms;
import dev.cutover.policy.CommandLint;
import dev.cutover.policy.CommandNormalizer;
import dev.cutover.policy.CommandRole;
import dev.cutover.policy.LintResult;
import dev.cutover.policy.Placeholder;
import dev.cutover.policy.Placeholders;
import dev.cutover.policy.SafeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns raw command text into a {@link PreparedCommand}: normalize (FORMATS.md §4.3, while placeholders
 * are still raw so added ones like {@code {target-acct}} get substituted too), substitute the compile-time
 * values the text uses, then lint in the command's role. A used value failing the safe pattern V is a
 * compile error at its source field and the placeholder stays open.
 */
final class CommandPreparer {
    static final String TARGET_PROFILE = "$MIGRATION_TARGET_PROFILE";

    private final CommandLint lint;
    private final CompileErrors errors;

    CommandPreparer(AllowedPrograms allowed, CompileErrors errors) {
        this.lint = new CommandLint(allowed);
        this.errors = errors;
    }

    /** What a command is prepared for: role, poll-ness, the poll query and the read-role profile. */
    record Purpose(CommandRole role, boolean poll, String pollQuery, String readProfile) {
        static Purpose write() {
            return new Purpose(CommandRole.WRITE, false, null, null);
        }

        static Purpose read(String profile) {
            return new Purpose(CommandRole.READ, false, null, profile);
        }

        static Purpose poll(String query, String profile) {
            return new Purpose(CommandRole.READ, true, query, profile);
        }
    }

    PreparedCommand prepare(String raw, Purpose purpose, Map<String, SourcedValue> values) {
        String normalized = CommandNormalizer.normalize(
                raw,
                new CommandNormalizer.Options(
                        purpose.role(), purpose.poll(), purpose.pollQuery(), purpose.readProfile()));
        Map<String, String> safe = safeValuesUsed(normalized, purpose.poll(), values);
        Placeholders.Substitution substituted = Placeholders.substitute(normalized, safe, purpose.poll());
        LintResult result = lint.check(substituted.text(), purpose.role());
        return new PreparedCommand(substituted.text(), substituted.openParameters(), result);
    }

    private Map<String, String> safeValuesUsed(String text, boolean poll, Map<String, SourcedValue> values) {
        Map<String, String> safe = new LinkedHashMap<>();
        for (Placeholder token : Placeholders.find(text, poll)) {
            SourcedValue value = values.get(token.canonical());
            if (value == null) {
                continue;
            }
            Optional<String> problem = SafeValue.problem(value.value());
            if (problem.isEmpty()) {
                safe.put(token.canonical(), value.value());
            } else {
                errors.add(
                        value.file(),
                        value.pointer(),
                        "value for {" + token.canonical() + "} " + problem.get() + ": " + value.value(),
                        "Use only letters, digits and . _ : / @ + = , - (not leading -) in this field, and no"
                                + " file:// or fileb:// prefix.");
            }
        }
        return safe;
    }
}
