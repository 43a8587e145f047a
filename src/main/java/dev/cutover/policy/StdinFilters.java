package dev.cutover.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The free pipe filters {@code grep}, {@code wc} and {@code tail} (FORMATS.md §4.3): allowed after a {@code |}
 * whatever allowed_programs says, so they may only read their standard input — no file or directory
 * operand and no option outside a small known-safe set (which leaves out {@code -r}, {@code -f}, {@code
 * --include}, {@code --files0-from}, …). A listed filter is not free and follows the normal rules.
 */
final class StdinFilters {
    /**
     * How one filter's command line reads (getopt style: short flags cluster, a value-taking letter takes
     * the rest of its word or the next word; long options are matched exactly, never abbreviated).
     *
     * @param flags short options without a value
     * @param valued short options that take a value
     * @param longFlags long options without a value
     * @param longValued long options that take a value ({@code --name=v} or {@code --name v})
     * @param patterns non-option operands allowed when no pattern option is given (grep's one pattern)
     */
    private record Syntax(String flags, String valued, Set<String> longFlags, Set<String> longValued, int patterns) {}

    private static final Map<String, Syntax> FILTERS = Map.of(
            "grep",
            new Syntax(
                    "EFGHILPTUVZabchilnoqsvwxyz",
                    "eABCm",
                    Set.of(
                            "--count",
                            "--extended-regexp",
                            "--fixed-strings",
                            "--ignore-case",
                            "--invert-match",
                            "--line-number",
                            "--line-regexp",
                            "--no-messages",
                            "--only-matching",
                            "--quiet",
                            "--silent",
                            "--word-regexp"),
                    Set.of("--regexp", "--max-count"),
                    1),
            "wc",
            new Syntax(
                    "clmwL", "", Set.of("--bytes", "--chars", "--lines", "--words", "--max-line-length"), Set.of(), 0),
            "tail",
            new Syntax(
                    "qvz0123456789",
                    "cn",
                    Set.of("--quiet", "--silent", "--verbose", "--zero-terminated"),
                    Set.of("--bytes", "--lines"),
                    0));

    private StdinFilters() {}

    /** Whether {@code program} is one of the free pipe filters. */
    static boolean isFilter(String program) {
        return FILTERS.containsKey(program);
    }

    /** Appends a reason to {@code reasons} when {@code stage} (a free filter) could read anything but stdin. */
    static void check(Stage stage, List<String> reasons) {
        String program = stage.program().orElseThrow();
        firstOffence(FILTERS.get(program), stage.words())
                .ifPresent(word -> reasons.add("`" + program + "` after a `|` may only read its standard input"
                        + " (no file operand, no file-reading or recursive option): found `" + word
                        + "`; list " + program + " in allowed_programs to use it otherwise"));
    }

    private static Optional<String> firstOffence(Syntax syntax, List<Word> words) {
        boolean optionsEnded = false;
        boolean patternOption = false;
        List<String> operands = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i).value();
            if (optionsEnded || word.equals("-") || !word.startsWith("-")) {
                operands.add(word);
            } else if (word.equals("--")) {
                optionsEnded = true;
            } else if (word.startsWith("--")) {
                String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                boolean valued = syntax.longValued().contains(name);
                if (!valued && !syntax.longFlags().contains(word)) {
                    return Optional.of(word);
                }
                patternOption |= name.equals("--regexp");
                i += valued && name.equals(word) ? 1 : 0;
            } else {
                int valueAt = valueLetter(syntax, word);
                if (valueAt < 0) {
                    return Optional.of(word);
                }
                patternOption |= valueAt < word.length() && word.charAt(valueAt) == 'e';
                i += valueAt == word.length() - 1 ? 1 : 0;
            }
        }
        int allowed = patternOption ? 0 : syntax.patterns();
        return operands.size() > allowed ? Optional.of(operands.get(allowed)) : Optional.empty();
    }

    /**
     * The index of the value-taking letter in a short-option cluster ({@code word.length()} when it has
     * none), or -1 when a letter is not a known-safe option.
     */
    private static int valueLetter(Syntax syntax, String word) {
        for (int c = 1; c < word.length(); c++) {
            char letter = word.charAt(c);
            if (syntax.valued().indexOf(letter) >= 0) {
                return c;
            }
            if (syntax.flags().indexOf(letter) < 0) {
                return -1;
            }
        }
        return word.length();
    }
}
