package dev.cutover.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignOffTest {
    private static final String SIGNED = "# Checklist\n\n> APPROVED BY: Jane Doe  ON: 2026-11-02\n";
    private static final String TEMPLATE = "# Checklist\n\n> APPROVED BY: ____________________  ON: ____-__-__\n";

    @Test
    void blockquoteFormCountsWithTrimmedNameDateAndLineNumber() {
        assertThat(SignOff.find(SIGNED)).contains(new SignOffLine("Jane Doe", LocalDate.of(2026, 11, 2), 3));
    }

    @Test
    void plainFormCounts() {
        assertThat(SignOff.find("APPROVED BY: Raj Patel ON: 2026-01-31 (CAB-1234)"))
                .contains(new SignOffLine("Raj Patel", LocalDate.of(2026, 1, 31), 1));
    }

    @Test
    void blockquoteWithTabOrNoSpaceCounts() {
        assertThat(SignOff.find(">\tAPPROVED BY: A ON: 2026-01-01")).isPresent();
        assertThat(SignOff.find(">APPROVED BY: A ON: 2026-01-01")).isPresent();
    }

    @Test
    void unfilledTemplateNeverCounts() {
        assertThat(SignOff.find(TEMPLATE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"> APPROVED BY: ____ ON: 2026-01-01", "> APPROVED BY: _ _\t_ ON: 2026-01-01"})
    void nameOfOnlyUnderscoresAndWhitespaceDoesNotCount(String line) {
        assertThat(SignOff.find(line)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u00A0", // no-break space
                "\u2003", // em space
                "\u3000", // ideographic space
                "\u200B", // zero-width space
                "\u00A0\u200B\u3000_\u2003",
                "\u2060\uFEFF", // word joiner, zero-width no-break space
                "\u3164", // Hangul filler
                "\u0301\u0301" // combining acute accents with nothing to sit on
            })
    void nameOfOnlyUnicodeSpacesOrInvisibleCharactersDoesNotCount(String name) {
        String markdown = "# Checklist\n\n> APPROVED BY: " + name + " ON: 2026-11-21\n";

        assertThat(SignOff.find(markdown)).isEmpty();
        assertThat(SignOff.refusal(dev.cutover.input.Plane.CP, markdown).orElseThrow())
                .contains("line 3 does not count: the name is blank: only underscores, spaces or invisible characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"José Álvarez", "王小明", "\u00A0Dana\u00A0", "Zoë\u200B"})
    void nameWithAnyVisibleLetterCounts(String name) {
        assertThat(SignOff.find("> APPROVED BY: " + name + " ON: 2026-11-21")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2026-13-01", "2025-02-29", "2026-00-10"})
    void dateThatIsNotOnTheCalendarDoesNotCount(String date) {
        assertThat(SignOff.find("> APPROVED BY: Jane ON: " + date)).isEmpty();
    }

    @Test
    void leapDayCounts() {
        assertThat(SignOff.find("> APPROVED BY: Jane ON: 2028-02-29")).isPresent();
    }

    @Test
    void indentedOrQuotedInTextDoesNotCount() {
        assertThat(SignOff.find("  > APPROVED BY: Jane ON: 2026-01-01")).isEmpty();
        assertThat(SignOff.find("Note: APPROVED BY: Jane ON: 2026-01-01")).isEmpty();
    }

    @Test
    void lineFiftyCountsButLineFiftyOneIsIgnored() {
        String line = "> APPROVED BY: Jane ON: 2026-01-01";
        assertThat(SignOff.find(filler(49) + line)).map(SignOffLine::lineNumber).contains(50);
        assertThat(SignOff.find(filler(50) + line)).isEmpty();
    }

    @Test
    void crlfLineEndingsAreHandled() {
        String markdown = "# Checklist\r\n\r\n> APPROVED BY: Jane Doe ON: 2026-11-02\r\nmore\r\n";
        assertThat(SignOff.find(markdown)).contains(new SignOffLine("Jane Doe", LocalDate.of(2026, 11, 2), 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"٢٠٢٦-٠١-٠١", "２０２６-01-01", "2026-0١-01"})
    void nonAsciiDigitsAreRejected(String date) {
        assertThat(SignOff.find("> APPROVED BY: Jane ON: " + date)).isEmpty();
    }

    @Test
    void laterValidLineCountsAfterAnUnfilledTemplate() {
        assertThat(SignOff.find(TEMPLATE + "APPROVED BY: Jane ON: 2026-01-01\n"))
                .map(SignOffLine::lineNumber)
                .contains(4);
    }

    @Test
    void checkAcceptsTwoSignedFiles() {
        assertThat(SignOff.check(SIGNED, SIGNED)).isEmpty();
    }

    @Test
    void checkNamesTheControlPlaneFileFirstWhenBothAreUnsigned() {
        assertThat(SignOff.check(TEMPLATE, TEMPLATE))
                .hasValueSatisfying(
                        m -> assertThat(m).startsWith("cutover-checklist-control-plane.md has no sign-off"));
    }

    @Test
    void checkNamesTheDataPlaneFileWhenOnlyItIsUnsigned() {
        assertThat(SignOff.check(SIGNED, "# nothing here\n"))
                .contains("cutover-checklist-data-plane.md has no sign-off line in its first 50 lines"
                        + " (expected `> APPROVED BY: <name> ON: <YYYY-MM-DD>`)."
                        + " Have the approver fill in the sign-off line at the top of the file, then run again.");
    }

    @Test
    void refusalPointsAtAnInvalidDateOnANearMiss() {
        Optional<String> refusal = SignOff.check("> APPROVED BY: Jane ON: 2026-02-30\n", SIGNED);
        assertThat(refusal)
                .hasValueSatisfying(
                        m -> assertThat(m).contains("line 1 does not count: 2026-02-30 is not a calendar date"));
    }

    @Test
    void refusalPointsAtTheUnfilledTemplate() {
        assertThat(SignOff.check(SIGNED, TEMPLATE))
                .hasValueSatisfying(m -> assertThat(m).contains("line 3 mentions APPROVED BY: but is not filled in"));
    }

    @Test
    void refusalSaysAnIndentedSignOffIsIndented() {
        assertThat(SignOff.check("# Plan\n  > APPROVED BY: Ann ON: 2026-11-20\n", SIGNED))
                .hasValueSatisfying(m -> assertThat(m)
                        .contains("line 2 is indented: the sign-off must start at the beginning of the line")
                        .doesNotContain("not filled in"));
    }

    private static String filler(int lines) {
        return String.join("", Collections.nCopies(lines, "text\n"));
    }
}
