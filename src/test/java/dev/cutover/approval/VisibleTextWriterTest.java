package dev.cutover.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class VisibleTextWriterTest {
    private final StringWriter sink = new StringWriter();
    private final PrintWriter out = new PrintWriter(new VisibleTextWriter(sink), true);

    @Test
    void terminalControlSequencesArePrintedAsEscapesNotSentToTheTerminal() {
        out.println("Approve step? \u001b[2K\u001b[1A\rcommand: true\u0007");

        assertThat(sink.toString())
                .isEqualTo("Approve step? \\x1b[2K\\x1b[1A\\x0dcommand: true\\x07" + System.lineSeparator())
                .doesNotContain("\u001b", "\r", "\u0007");
    }

    @Test
    void bidiOverridesZeroWidthAndTagCharactersAreShownWhereverTheyAre() {
        out.print("rm\u202e -rf\u200b x\uDB40\uDC41");
        out.flush();

        assertThat(sink.toString()).isEqualTo("rm\\u202e -rf\\u200b x\\ue0041");
    }

    @Test
    void aSurrogatePairSplitAcrossTwoWritesIsJudgedAsOneCharacter() throws IOException {
        VisibleTextWriter writer = new VisibleTextWriter(sink);
        writer.write("tag \uDB40");
        writer.write("\uDC41 and smile \uD83D");
        writer.write("\uDE00");
        writer.flush();

        assertThat(sink.toString()).isEqualTo("tag \\ue0041 and smile \uD83D\uDE00");
    }

    @Test
    void ordinaryTextNewlinesTabsAndOtherScriptsPassUnchanged() {
        String text = "Phase 2\tBulk Transfers — café, 東京, 🚀\nnext line";
        out.print(text);
        out.flush();

        assertThat(sink.toString()).isEqualTo(text);
    }

    @Test
    void aHighSurrogateLeftAtCloseIsWrittenNotLost() throws IOException {
        VisibleTextWriter writer = new VisibleTextWriter(sink);
        writer.write("end \uD83D");
        writer.close();

        assertThat(sink.toString()).isEqualTo("end \uD83D");
    }

    @Property
    void nothingHiddenEverReachesTheSinkWhateverTheChunking(
            @ForAll String text, @ForAll @IntRange(min = 1, max = 7) int chunk) throws IOException {
        StringWriter s = new StringWriter();
        VisibleTextWriter writer = new VisibleTextWriter(s);
        for (int i = 0; i < text.length(); i += chunk) {
            writer.write(text, i, Math.min(chunk, text.length() - i));
        }
        writer.close();

        assertThat(s.toString().codePoints()).noneMatch(VisibleText::isHidden);
        assertThat(s.toString()).isEqualTo(VisibleText.of(text));
    }
}
