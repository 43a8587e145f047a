package dev.cutover.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class VagueCriteriaTest {
    private final VagueCriteria rules = VagueCriteria.bundled();

    @ParameterizedTest
    @ValueSource(
            strings = {
                // The demo's gates.
                "service/target/demo-data and service/target/config exist",
                "service/live still points at source/demo-data",
                "service/copy-job.state is SUCCESS",
                "diff -r service/source/demo-data service/target/demo-data prints nothing",
                // The upstream example's gates: short, but each names a system and the state that counts.
                "Bulk transfers Complete",
                "RDS restore available",
                "Secret value populated",
                "All 6 modules applied",
                "terraform plan clean",
                "Target ALB smoke test green",
                // The seed's good examples.
                "Rollback procedure is tested end-to-end and restores the source system to pre-migration state",
                "Change approved in CAB ticket CHG-1234",
                "Row counts match within 0 rows"
            })
    void concreteCriteriaPass(String criterion) {
        assertThat(rules.vagueness(criterion)).as(criterion).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Cutover plan exists",
                "Rollback is possible",
                "Stakeholders are notified",
                "Everything looks good",
                "The database team is ready",
                "Team agrees to proceed",
                "All teams agree and are ready to go",
                "It is done and it works",
                "The migration is complete"
            })
    void criteriaWithNothingCheckableLeftAreVague(String criterion) {
        assertThat(rules.vagueness(criterion))
                .as(criterion)
                .hasValueSatisfying(why -> assertThat(why).contains("nothing that can be checked"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan exists", "Ready", "Looks good", "GO!", "approved", "", "  ", "--- !!! ---"})
    void criteriaUnderThreeWordsAreTooShort(String criterion) {
        assertThat(rules.vagueness(criterion))
                .as(criterion)
                .hasValueSatisfying(why -> assertThat(why).startsWith("too short"));
    }

    @Test
    void aNullCriterionIsTooShortNotACrash() {
        assertThat(rules.vagueness(null)).hasValue("too short (0 words, at least 3)");
    }

    @Test
    void phrasesMatchWholeWordsOnlyAndIgnoreCaseAndPunctuation() {
        assertThat(rules.vagueness("Snapshot already shared with 210987654321")).isEmpty();
        assertThat(rules.vagueness("PLAN, EXISTS; Cutover!")).isPresent();
        assertThat(rules.vagueness("The plan is ready."))
                .hasValueSatisfying(why -> assertThat(why).contains("plan is ready"));
    }

    @Test
    void aWordListedTwiceIsTakenOutEveryTime() {
        assertThat(rules.vagueness("ready ready ready database")).isPresent();
    }

    @ParameterizedTest
    @MethodSource("bundledPhrases")
    void everyBundledPhraseOnItsOwnIsVague(String phrase) {
        assertThat(rules.vagueness(phrase)).as(phrase).isPresent();
        assertThat(rules.vagueness("the " + phrase + " now")).as(phrase).isPresent();
    }

    @Test
    void entriesOutsideASectionAreRefused() {
        assertThatThrownBy(() -> VagueCriteria.parse("ready\n[phrases]\nok\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ready");
    }

    @Test
    void parsedRulesAreUsedAsGiven() {
        VagueCriteria custom = VagueCriteria.parse("# comment\n[phrases]\nship it\n[filler]\nlet\nus\n");
        assertThat(custom.vagueness("let us ship it")).isPresent();
        assertThat(custom.vagueness("looks good to me")).isEmpty();
    }

    static List<String> bundledPhrases() throws IOException {
        try (InputStream in = VagueCriteria.class.getResourceAsStream(VagueCriteria.RESOURCE)) {
            List<String> out = new ArrayList<>();
            boolean phrases = false;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.startsWith("[")) {
                    phrases = l.equals("[phrases]");
                } else if (phrases && !l.isEmpty() && !l.startsWith("#")) {
                    out.add(l);
                }
            }
            assertThat(out).hasSizeGreaterThan(30);
            return out;
        }
    }
}
