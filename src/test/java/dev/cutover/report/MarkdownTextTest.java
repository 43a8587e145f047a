package dev.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {
    @Test
    void proseEscapesMarkdownPunctuationAndLineStartsThatWouldBeginAListOrHeading() {
        assertThat(MarkdownText.prose("[x](y) *b* | `c` <d>")).isEqualTo("\\[x\\]\\(y\\) \\*b\\* \\| \\`c\\` \\<d\\>");
        assertThat(MarkdownText.prose("- item")).isEqualTo("\\- item");
        assertThat(MarkdownText.prose("12. step")).isEqualTo("12\\. step");
        assertThat(MarkdownText.prose("version 1.2-3")).isEqualTo("version 1.2-3");
    }

    @Test
    void aCodeSpanFenceIsLongerThanAnyBacktickRunInside() {
        assertThat(MarkdownText.code("plain")).isEqualTo("`plain`");
        assertThat(MarkdownText.code("a ``b`` c")).isEqualTo("```a ``b`` c```");
        assertThat(MarkdownText.code("`edge`")).isEqualTo("`` `edge` ``");
    }

    @Test
    void textBecomesOneBoundedLineWithControlAndBidiCharactersVisible() {
        assertThat(MarkdownText.oneLine("a\nb\tc\u001b[31m\u202e")).isEqualTo("a b c\\u001b[31m\\u202e");
        assertThat(MarkdownText.oneLine("x".repeat(400)))
                .hasSize(MarkdownText.MAX_CHARS + 1)
                .endsWith("…");
        assertThat(MarkdownText.oneLine(null)).isEmpty();
    }
}
