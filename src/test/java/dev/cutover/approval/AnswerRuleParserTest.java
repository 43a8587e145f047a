package dev.cutover.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.error.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerRuleParserTest {

    @Test
    void hashStartsACommentOnlyAtLineStartOrAfterWhitespace() {
        assertThat(AnswerRuleParser.stripComment("# whole line")).isEmpty();
        assertThat(AnswerRuleParser.stripComment("approve * skip # why")).isEqualTo("approve * skip ");
        assertThat(AnswerRuleParser.stripComment("approve * skip\t#why")).isEqualTo("approve * skip\t");
        assertThat(AnswerRuleParser.stripComment("param:x * a#b")).isEqualTo("param:x * a#b");
    }

    @Test
    void aByteOrderMarkBeforeTheFirstRuleIsIgnored() {
        AnswerRuleParser.Result result = AnswerRuleParser.parse("f", List.of("\uFEFFapprove * approve"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.rules()).extracting(AnswerRule::prompt).containsExactly("approve");
    }

    @Test
    void problemsShowControlCharactersFromTheFileAsEscapes() {
        AnswerRuleParser.Result result = AnswerRuleParser.parse("f", List.of("approve * \u001b[2Jyes"));

        assertThat(result.problems())
                .extracting(Problem::message)
                .containsExactly("line 1: unknown answer '\\x1b[2Jyes'");
    }

    @Test
    void tabsAndRepeatedSpacesSeparateFields() {
        AnswerRuleParser.Result result =
                AnswerRuleParser.parse("f", List.of("  go-no-go\t\tcp-phase0-000-run   proceed  "));

        assertThat(result.problems()).isEmpty();
        assertThat(result.rules())
                .containsExactly(new AnswerRule(1, "go-no-go", new StepGlob("cp-phase0-000-run"), "proceed"));
    }

    @Test
    void everyPromptKindAndChoiceWireNameIsAccepted() {
        List<String> lines = new java.util.ArrayList<>();
        for (PromptKind kind : PromptKind.values()) {
            for (Choice choice : Choice.values()) {
                String prompt = kind == PromptKind.PARAM ? "param:x" : kind.wireName();
                lines.add(prompt + " * " + choice.wireName());
            }
        }

        AnswerRuleParser.Result result = AnswerRuleParser.parse("f", lines);

        assertThat(result.problems()).isEmpty();
        assertThat(result.rules()).hasSize(lines.size());
    }
}
