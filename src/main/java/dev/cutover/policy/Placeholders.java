package dev.cutover.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholder tokens in command text (FORMATS.md §4.3): {@code {name}} and {@code <name>}, canonical name
 * lowercase with {@code _} → {@code -}, aliases {@code snap → snapshot-id}, {@code operator-supplied →
 * secret-file}, {@code target-key → target-kms-key-arn}, and {@code id → job-id} in poll commands.
 */
public final class Placeholders {
    /** A token: brackets must match, the name starts with a letter. */
    static final Pattern TOKEN = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_-]*)\\}|<([A-Za-z][A-Za-z0-9_-]*)>");

    private static final Map<String, String> ALIASES =
            Map.of("snap", "snapshot-id", "operator-supplied", "secret-file", "target-key", "target-kms-key-arn");

    private Placeholders() {}

    /** Every token in {@code text}, in order, wherever it sits (also inside quotes). */
    public static List<Placeholder> find(String text, boolean pollCommand) {
        List<Placeholder> found = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            found.add(new Placeholder(m.group(), canonical(name, pollCommand), m.start(), m.end()));
        }
        return found;
    }

    /** The canonical form of a bare placeholder name. */
    public static String canonical(String name, boolean pollCommand) {
        String lower = name.toLowerCase(Locale.ROOT).replace('_', '-');
        if (pollCommand && lower.equals("id")) {
            return "job-id";
        }
        return ALIASES.getOrDefault(lower, lower);
    }

    /**
     * Replaces every token whose canonical name {@code values} maps (each value must satisfy
     * {@link SafeValue}; otherwise {@link IllegalArgumentException}) — verbatim inside quotes, single-quoted
     * outside — and rewrites the rest as {@code {canonical}}. Only values that are inserted are checked; a
     * null value counts as absent.
     */
    public static Substitution substitute(String text, Map<String, String> values, boolean pollCommand) {
        QuoteContext contexts = CommandLexer.run(text).contexts();
        StringBuilder out = new StringBuilder(text.length());
        Set<String> open = new LinkedHashSet<>();
        int copied = 0;
        for (Placeholder token : find(text, pollCommand)) {
            out.append(text, copied, token.start());
            String value = values.get(token.canonical());
            if (value == null) {
                open.add(token.canonical());
                out.append('{').append(token.canonical()).append('}');
            } else {
                requireSafe(token.canonical(), value);
                // V admits no quote, so the value cannot close the quotes it is put in
                out.append(contexts.quoted(token.start()) ? value : "'" + value + "'");
            }
            copied = token.end();
        }
        out.append(text, copied, text.length());
        return new Substitution(out.toString(), List.copyOf(open));
    }

    private static void requireSafe(String name, String value) {
        SafeValue.problem(value).ifPresent(problem -> {
            // the value itself is not echoed: it may be a secret path or operator input
            throw new IllegalArgumentException("value for placeholder {" + name + "} " + problem
                    + " (safe-character pattern " + SafeValue.PATTERN.pattern() + ")");
        });
    }

    /**
     * @param text the command after substitution
     * @param openParameters canonical names still open, in order of first appearance, deduplicated
     */
    public record Substitution(String text, List<String> openParameters) {
        public Substitution {
            openParameters = List.copyOf(openParameters);
        }
    }
}
