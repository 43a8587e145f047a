package dev.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlWriterTest {
    @Test
    void textAndAttributeValuesAreEscaped() {
        String page = new HtmlWriter()
                .open("p", "title", "a\"b' <c> & d")
                .text("<script>&amp;</script>")
                .close("p")
                .finish();

        assertThat(page)
                .isEqualTo("<!DOCTYPE html>\n<p title=\"a&quot;b&#39; &lt;c&gt; &amp; d\">"
                        + "&lt;script&gt;&amp;amp;&lt;/script&gt;</p>\n");
    }

    @Test
    void charactersXmlForbidsAreShownAsEscapesAndLinesAndTabsKept() {
        assertThat(HtmlWriter.escape("a\u0000b\u001bc\ud800d\uffffe\u202ef\n\tg"))
                .isEqualTo("a\\u0000b\\u001bc\\ud800d\\uffffe\\u202ef\n\tg");
        assertThat(HtmlWriter.escape("snowman \u2603 and emoji \ud83d\ude00"))
                .isEqualTo("snowman \u2603 and emoji \ud83d\ude00");
    }

    @Test
    void closingAnElementThatIsNotTheInnermostOneIsRefused() {
        HtmlWriter html = new HtmlWriter().open("div").open("p");

        assertThatThrownBy(() -> html.close("div")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPageWithUnclosedElementsIsRefused() {
        assertThatThrownBy(() -> new HtmlWriter().open("div").finish()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tagNamesAndStyleSheetsCannotSmuggleMarkup() {
        assertThatThrownBy(() -> new HtmlWriter().open("p onclick=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HtmlWriter().open("p", "on click", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HtmlWriter().style("</style><script>"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
