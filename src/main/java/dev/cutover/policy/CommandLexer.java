package dev.cutover.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * One pass over a command string that splits it like bash would (words, {@code |}, {@code &&}) and records
 * every construct outside the executable subset of FORMATS.md §4.3; it never throws.
 */
final class CommandLexer {
    static final String ONLY_PROFILES = "(only $MIGRATION_SOURCE_PROFILE and $MIGRATION_TARGET_PROFILE are allowed)";
    private static final Set<String> ALLOWED_VARIABLES = Set.of("MIGRATION_SOURCE_PROFILE", "MIGRATION_TARGET_PROFILE");

    private final String text;
    private final QuoteContext.Builder contexts;
    private final Set<String> problems = new LinkedHashSet<>();
    private final List<SimpleCommand> commands = new ArrayList<>();
    private List<Stage> stages = new ArrayList<>();
    private List<Word> words = new ArrayList<>();
    private final StringBuilder value = new StringBuilder();
    private int wordStart = -1;
    private int pos;
    private boolean sawOperator;

    private CommandLexer(String text) {
        this.text = text;
        this.contexts = new QuoteContext.Builder(text.length());
    }

    static CommandLexer run(String text) {
        CommandLexer lexer = new CommandLexer(text == null ? "" : text);
        lexer.lex();
        return lexer;
    }

    ParsedCommand parsed() {
        return new ParsedCommand(text, commands, List.copyOf(problems));
    }

    QuoteContext contexts() {
        return contexts.build();
    }

    private void lex() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t') {
                endWord();
                pos++;
            } else if (c == '\n') {
                problems.add("newline outside quotes (one command per line)");
                endWord();
                pos++;
            } else if (c == '&') {
                ampersand();
            } else if (c == '|') {
                pipe();
            } else {
                wordChar(c);
            }
        }
        endWord();
        finish();
    }

    private void finish() {
        if (!words.isEmpty()) {
            endStage();
        } else if (sawOperator) {
            problems.add("empty command after `&&` or `|`");
        }
        endCommand();
        if (commands.isEmpty() && !sawOperator) {
            problems.add("empty command");
        }
    }

    private void ampersand() {
        endWord();
        if (text.startsWith("&&", pos)) {
            separator("&&");
            endCommand();
            pos += 2;
        } else {
            problems.add("lone `&` outside quotes (background jobs are not allowed)");
            pos++;
        }
    }

    private void pipe() {
        endWord();
        if (text.startsWith("||", pos)) {
            problems.add("`||` is not allowed (join commands with ` && `)");
            separator("||");
            endCommand();
            pos += 2;
        } else {
            separator("|");
            pos++;
        }
    }

    private void separator(String operator) {
        sawOperator = true;
        if (words.isEmpty()) {
            problems.add("empty command before `" + operator + "`");
        } else {
            endStage();
        }
    }

    private void wordChar(char c) {
        if (wordStart < 0) {
            wordStart = pos;
        }
        switch (c) {
            case '\'' -> singleQuoted();
            case '"' -> doubleQuoted();
            case '\\' -> backslash();
            case '$' -> dollar();
            case '`' -> bare(c, "command substitution with a backtick");
            case '<', '{' -> placeholderOr(c);
            case '>' -> bare(c, "redirection `>`");
            case ';' -> bare(c, "`;` outside quotes (join commands with ` && `)");
            case '(', ')' -> bare(c, "`" + c + "` outside quotes");
            case '#' -> bare(c, "`#` outside quotes (comments are not allowed)");
            case '}' -> bare(c, "`}` outside quotes (only in a placeholder such as {name})");
            case '*', '?', '[' -> bare(c, "glob character `" + c + "`");
            case '.' -> dots();
            case '\u2026' -> bare(c, "`…` marks elided arguments");
            case '~' -> tilde();
            default -> bare(c, Character.isISOControl(c) ? controlProblem(c) : null);
        }
    }

    private static String controlProblem(char c) {
        return String.format(Locale.ROOT, "control character U+%04X", (int) c);
    }

    /** Appends one unquoted character, recording {@code problem} when it is not null. */
    private void bare(char c, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
        contexts.mark(pos, QuoteContext.BARE);
        value.append(c);
        pos++;
    }

    private void dots() {
        if (text.startsWith("...", pos)) {
            problems.add("`...` marks elided arguments");
        }
        bare('.', null);
    }

    private void tilde() {
        // bash expands a leading ~ and, in assignment-like words, a ~ after = or :
        boolean expands = pos == wordStart || "=:".indexOf(text.charAt(pos - 1)) >= 0;
        bare('~', expands ? "word starting with `~` (tilde expansion)" : null);
    }

    private void placeholderOr(char c) {
        int end = placeholderEnd(pos);
        if (end < 0) {
            bare(c, c == '<' ? "redirection `<`" : "`{` outside quotes (only in a placeholder such as {name})");
            return;
        }
        while (pos < end) {
            bare(text.charAt(pos), null);
        }
    }

    /** End offset of a placeholder token starting at {@code at}, or -1. */
    private int placeholderEnd(int at) {
        Matcher m = Placeholders.TOKEN.matcher(text);
        m.region(at, text.length());
        return m.lookingAt() ? m.end() : -1;
    }

    private void singleQuoted() {
        contexts.mark(pos, QuoteContext.SINGLE);
        int close = text.indexOf('\'', pos + 1);
        int stop = close < 0 ? text.length() : close;
        for (int i = pos + 1; i < stop; i++) {
            contexts.mark(i, QuoteContext.SINGLE);
            if (Character.isISOControl(text.charAt(i)) && text.charAt(i) != '\n' && text.charAt(i) != '\t') {
                problems.add(controlProblem(text.charAt(i)));
            }
        }
        value.append(text, pos + 1, stop);
        if (close < 0) {
            problems.add("unbalanced single quote");
            pos = text.length();
        } else {
            contexts.mark(close, QuoteContext.SINGLE);
            pos = close + 1;
        }
    }

    private void doubleQuoted() {
        contexts.mark(pos++, QuoteContext.DOUBLE);
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                contexts.mark(pos++, QuoteContext.DOUBLE);
                return;
            }
            contexts.mark(pos, QuoteContext.DOUBLE);
            if (c == '\\') {
                backslash();
            } else if (c == '$') {
                dollar();
            } else {
                if (c == '`') {
                    problems.add("command substitution with a backtick");
                } else if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                    problems.add(controlProblem(c));
                }
                value.append(c);
                pos++;
            }
        }
        problems.add("unbalanced double quote");
    }

    private void backslash() {
        problems.add("backslash outside single quotes");
        boolean quoted = contexts.at(pos) == QuoteContext.DOUBLE;
        contexts.mark(pos, quoted ? QuoteContext.DOUBLE : QuoteContext.BARE);
        if (pos + 1 < text.length()) {
            contexts.mark(pos + 1, quoted ? QuoteContext.DOUBLE : QuoteContext.BARE);
            value.append(text.charAt(pos + 1));
        }
        pos += 2;
        pos = Math.min(pos, text.length());
    }

    private void dollar() {
        byte context = contexts.at(pos) == QuoteContext.DOUBLE ? QuoteContext.DOUBLE : QuoteContext.BARE;
        int nameEnd = pos + 1;
        while (nameEnd < text.length() && isNameChar(text.charAt(nameEnd), nameEnd == pos + 1)) {
            nameEnd++;
        }
        String name = text.substring(pos + 1, nameEnd);
        if (text.startsWith("$(", pos)) {
            problems.add("command substitution `$(`");
        } else if (text.startsWith("${", pos)) {
            problems.add("variable `${` " + ONLY_PROFILES);
        } else if (name.isEmpty()) {
            problems.add("`$` outside single quotes " + ONLY_PROFILES);
        } else if (!ALLOWED_VARIABLES.contains(name)) {
            problems.add("variable `$" + name + "` " + ONLY_PROFILES);
        } else if (placeholderEnd(nameEnd) >= 0) {
            // a value substituted into "$NAME{x}" would extend the variable name
            problems.add("placeholder directly after `$" + name + "`");
        }
        int end = Math.max(nameEnd, pos + 1);
        for (int i = pos; i < end; i++) {
            contexts.mark(i, context);
        }
        value.append(text, pos, end);
        pos = end;
    }

    private static boolean isNameChar(char c, boolean first) {
        boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
        return letter || (!first && c >= '0' && c <= '9');
    }

    private void endWord() {
        if (wordStart < 0) {
            return;
        }
        words.add(new Word(text.substring(wordStart, pos), value.toString(), wordStart, pos));
        value.setLength(0);
        wordStart = -1;
    }

    private void endStage() {
        stages.add(new Stage(
                words, words.get(0).start(), words.get(words.size() - 1).end()));
        words = new ArrayList<>();
    }

    private void endCommand() {
        if (!stages.isEmpty()) {
            commands.add(new SimpleCommand(stages));
        }
        stages = new ArrayList<>();
    }
}
