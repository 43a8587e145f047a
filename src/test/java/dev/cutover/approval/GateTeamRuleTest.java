package dev.cutover.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.error.CutoverException;
import dev.cutover.error.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A go/no-go gate is signed once per approver team, so each signature is a question of its own that carries the
 * team: {@code gate:<team> <step-glob> <answer>} answers only that team's signature, while a plain
 * {@code gate <step-glob> <answer>} keeps answering every team (rehearsal answers files written before teams could
 * be named).
 */
class GateTeamRuleTest {
    private static final String STEP = "cp-phase6-090-check";

    @TempDir
    Path dir;

    private AnswersFileApprover load(String... lines) throws IOException {
        Path file = dir.resolve("answers.txt");
        Files.write(file, String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
        return AnswersFileApprover.load(file);
    }

    private static Question sign(String team) {
        return Question.gate(STEP, "Sign the go/no-go for team " + team + "?", team, Choice.APPROVE, Choice.ABORT);
    }

    @Test
    void aTeamsSignatureCarriesTheTeamInItsWireName() {
        Question platform = sign("platform");
        Question unnamed = Question.gate(STEP, "Sign?", null, Choice.APPROVE, Choice.ABORT);

        assertThat(platform.kind()).isEqualTo(PromptKind.GATE);
        assertThat(platform.team()).isEqualTo("platform");
        assertThat(platform.wireName()).isEqualTo("gate:platform");
        assertThat(unnamed.team()).isNull();
        assertThat(unnamed.wireName()).as("a gate without approver teams").isEqualTo("gate");
        assertThat(Question.choose(PromptKind.APPROVE, STEP, "?", Choice.APPROVE)
                        .team())
                .isNull();
    }

    @Test
    void onlyAGateQuestionCarriesATeam() {
        assertThatThrownBy(() -> Question.gate(STEP, "?", " ", Choice.APPROVE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Question(
                        PromptKind.APPROVE, STEP, "?", java.util.List.of(Choice.APPROVE), null, "platform"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Question.gate(STEP, "?", "Data Platform", Choice.APPROVE).wireName())
                .as("a team the checklist names with a space is still asked; only a plain rule can answer it")
                .isEqualTo("gate:Data Platform");
    }

    @Test
    void aTeamRuleAnswersOnlyThatTeamsSignatureAndTheNotesNameItsLineAndRule() throws IOException {
        AnswersFileApprover approver = load(
                "# each team signs on a line of its own",
                "gate:dba        " + STEP + "   abort",
                "gate:platform   " + STEP + "   approve");

        Answer platform = approver.ask(sign("platform"));
        Answer dba = approver.ask(sign("dba"));

        assertThat(platform.choice()).isEqualTo(Choice.APPROVE);
        assertThat(platform.notes())
                .isEqualTo(
                        "answers file " + dir.resolve("answers.txt") + " line 3 (gate:platform " + STEP + " approve)");
        assertThat(dba.choice()).isEqualTo(Choice.ABORT);
        assertThat(dba.notes()).endsWith(" line 2 (gate:dba " + STEP + " abort)");
    }

    @Test
    void aTeamWithoutARuleOfItsOwnIsNotSignedByAnotherTeamsRule() throws IOException {
        AnswersFileApprover approver = load("gate:platform " + STEP + " approve");

        assertThatThrownBy(() -> approver.ask(sign("dba")))
                .isInstanceOf(CutoverException.class)
                .hasMessageContaining("no scripted answer for gate:dba on " + STEP)
                .hasMessageContaining("add a rule such as `gate:dba " + STEP + " <answer>`");
        assertThatThrownBy(() -> approver.ask(Question.gate(STEP, "Sign?", null, Choice.APPROVE, Choice.ABORT)))
                .as("a gate without approver teams is answered only by a plain gate rule")
                .isInstanceOf(CutoverException.class)
                .hasMessageContaining("no scripted answer for gate on " + STEP);
    }

    @Test
    void aPlainGateRuleStillAnswersEveryTeamAndTheNotesSaySo() throws IOException {
        AnswersFileApprover approver = load("approve * approve", "gate * approve");

        Answer platform = approver.ask(sign("platform"));
        Answer dba = approver.ask(sign("dba"));
        Answer unnamed = approver.ask(Question.gate(STEP, "Sign?", null, Choice.APPROVE, Choice.ABORT));

        assertThat(platform.choice()).isEqualTo(Choice.APPROVE);
        assertThat(dba.choice()).isEqualTo(Choice.APPROVE);
        assertThat(unnamed.choice()).isEqualTo(Choice.APPROVE);
        assertThat(platform.notes()).endsWith(" line 2 (gate * approve: a plain gate rule answers every team)");
        assertThat(dba.notes()).isEqualTo(platform.notes());
        assertThat(unnamed.notes()).endsWith(" line 2 (gate * approve)");
    }

    @Test
    void theFirstMatchingRuleDecidesBetweenTeamAndPlainRules() throws IOException {
        AnswersFileApprover approver = load("gate:dba " + STEP + " abort", "gate cp-* approve");

        assertThat(approver.ask(sign("dba")).choice()).isEqualTo(Choice.ABORT);
        assertThat(approver.ask(sign("platform")).choice()).isEqualTo(Choice.APPROVE);
    }

    @Test
    void aTeamRuleIsCheckedWhenTheFileIsLoaded() {
        Path file = dir.resolve("bad.txt");

        assertThatThrownBy(() -> {
                    Files.writeString(file, "gate: * approve\ngate:\u001b[2J * approve\ngate:ops * skip-it\n");
                    AnswersFileApprover.load(file);
                })
                .isInstanceOfSatisfying(CutoverException.class, e -> {
                    assertThat(e.problems())
                            .extracting(Problem::message)
                            .containsExactly(
                                    "line 1: prompt 'gate:' needs a team: gate:<team>",
                                    "line 2: bad team name in prompt 'gate:\\x1b[2J'",
                                    "line 3: unknown answer 'skip-it'");
                    assertThat(e.problems().get(0).fix()).startsWith("name a team as the gate's approvers list it");
                });
    }

    @Test
    void aTeamRuleKnowsItsKindAndTeam() {
        AnswerRuleParser.Result result = AnswerRuleParser.parse(
                "f", java.util.List.of("gate:data-platform * approve", "gate * approve", "param:x * v"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.rules())
                .extracting(AnswerRule::kind)
                .containsExactly(PromptKind.GATE, PromptKind.GATE, PromptKind.PARAM);
        assertThat(result.rules()).extracting(r -> r.team().orElse(null)).containsExactly("data-platform", null, null);
        assertThat(AnswerRule.canNameTeam("data-platform")).isTrue();
        assertThat(AnswerRule.canNameTeam("Data Platform"))
                .as("whitespace ends the prompt")
                .isFalse();
        assertThat(AnswerRule.canNameTeam("")).isFalse();
    }
}
