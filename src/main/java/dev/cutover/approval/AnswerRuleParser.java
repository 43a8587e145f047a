package dev.cutover.approval;

import dev.cutover.error.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Parses answers-file lines into rules, collecting every malformed line instead of stopping at the first,
 * so the operator fixes the whole file in one pass.
 */
final class AnswerRuleParser {
    private static final String FORMAT = "write `<prompt> <step-id-glob> <answer>` (docs/approvals.md)";

    private final String fileName;
    private final List<AnswerRule> rules = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private AnswerRuleParser(String fileName) {
        this.fileName = fileName;
    }

    /** The parse result: rules in file order, and one problem per malformed line. */
    record Result(List<AnswerRule> rules, List<Problem> problems) {
        Result {
            rules = List.copyOf(rules);
            problems = List.copyOf(problems);
        }
    }

    static Result parse(String fileName, List<String> lines) {
        AnswerRuleParser parser = new AnswerRuleParser(fileName);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            // Some editors start UTF-8 files with a byte-order mark; it is not part of the first prompt.
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            parser.parseLine(i + 1, stripComment(line).strip());
        }
        return new Result(parser.rules, parser.problems);
    }

    /** A '#' starts a comment at the start of a line or after whitespace; elsewhere it is part of a value. */
    static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private void parseLine(int number, String text) {
        if (text.isEmpty()) {
            return;
        }
        String[] fields = text.split("\\s+", 3);
        Optional<String> promptError = checkPrompt(fields[0]);
        if (promptError.isPresent()) {
            problem(number, promptError.get(), promptFix(fields[0]));
        } else if (fields.length < 3) {
            problem(number, "missing " + (fields.length == 1 ? "step-id glob and answer" : "answer"), FORMAT);
        } else if (!StepGlob.isWellFormed(fields[1])) {
            problem(number, "bad step-id glob '" + fields[1] + "'", "use lowercase step ids with * and ? only");
        } else if (!fields[0].startsWith("param:")) {
            parseChoiceRule(number, fields);
        } else {
            rules.add(new AnswerRule(number, fields[0], new StepGlob(fields[1]), fields[2].strip()));
        }
    }

    private void parseChoiceRule(int number, String[] fields) {
        String[] answer = fields[2].split("\\s+");
        if (Choice.fromWireName(answer[0]).isEmpty()) {
            problem(number, "unknown answer '" + answer[0] + "'", "use one of: " + choiceNames());
        } else if (answer.length > 1) {
            problem(number, "unexpected text after the answer: '" + answer[1] + "'", FORMAT);
        } else {
            rules.add(new AnswerRule(number, fields[0], new StepGlob(fields[1]), answer[0]));
        }
    }

    private static String promptFix(String prompt) {
        if (prompt.startsWith("param:")) {
            return "name the parameter as the step's command does, e.g. param:snapshot-id: lowercase letters,"
                    + " digits, '.', '_' and '-' (" + ParamRule.NAME.pattern() + ")";
        }
        if (prompt.startsWith(AnswerRule.GATE_TEAM_PREFIX)) {
            return "name a team as the gate's approvers list it, e.g. gate:platform (no spaces or control"
                    + " characters), or write `gate` to answer every team";
        }
        return "use one of: " + promptNames() + ", gate:<team>, param:<name>";
    }

    private static Optional<String> checkPrompt(String prompt) {
        if (prompt.startsWith(AnswerRule.GATE_TEAM_PREFIX)) {
            String team = prompt.substring(AnswerRule.GATE_TEAM_PREFIX.length());
            if (team.isEmpty()) {
                return Optional.of("prompt 'gate:' needs a team: gate:<team>");
            }
            return AnswerRule.canNameTeam(team)
                    ? Optional.empty()
                    : Optional.of("bad team name in prompt '" + prompt + "'");
        }
        if (prompt.startsWith("param:")) {
            String name = prompt.substring("param:".length());
            return ParamRule.isValidName(name)
                    ? Optional.empty()
                    : Optional.of("bad parameter name in prompt '" + prompt + "'");
        }
        Optional<PromptKind> kind = PromptKind.fromWireName(prompt);
        if (kind.isEmpty()) {
            return Optional.of("unknown prompt '" + prompt + "'");
        }
        return kind.get() == PromptKind.PARAM
                ? Optional.of("prompt 'param' needs a name: param:<name>")
                : Optional.empty();
    }

    private void problem(int number, String message, String fix) {
        // Messages quote the file's text, which reaches the operator's terminal.
        problems.add(new Problem(fileName, "", "line " + number + ": " + VisibleText.of(message), fix));
    }

    private static String promptNames() {
        return Arrays.stream(PromptKind.values())
                .filter(k -> k != PromptKind.PARAM)
                .map(PromptKind::wireName)
                .collect(Collectors.joining(", "));
    }

    private static String choiceNames() {
        return Arrays.stream(Choice.values()).map(Choice::wireName).collect(Collectors.joining(", "));
    }
}
