package dev.cutover.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.testing.BashWords;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellWordTest {
    @ParameterizedTest
    @ValueSource(
            strings = {"/srv/cutovers/orders-2026", "a b", "$HOME", "it's", "`id`", "x;rm -rf y", "tab\there", "*", "-"
            })
    void bashReadsTheQuotedWordBackAsExactlyOneArgumentWithNothingExpanded(String word) throws Exception {
        assertThat(BashWords.of(ShellWord.quote(word))).containsExactly(word);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/srv/cutovers/orders-2026", "run_1.dir", "a=b,c:d@e+f"})
    void aWordThatNeedsNoQuotingIsLeftAsTheOperatorTypedIt(String word) {
        assertThat(ShellWord.quote(word)).isEqualTo(word);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "it's"})
    void anyOtherWordIsSingleQuoted(String word) {
        assertThat(List.of(ShellWord.quote(word))).allMatch(q -> q.startsWith("'") && q.endsWith("'"));
    }
}
