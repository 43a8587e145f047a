package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** MarkdownShortIds says what {@code markdown.contains(shortId)} says, for short ids and any other text. */
class MarkdownShortIdsTest {
    private static final String SIGNED = """
            # Cutover Checklist — CONTROL PLANE

            > APPROVED BY: Jane Doe  ON: 2026-03-01

            - [x] `cp-phase1-010` Create the VPC.
            - [x] cp-phase1-020-subnets (named in full)
            - [x] see cp-phase2-0100 and dp-phasecp-phase3-040
            cp-phase6-998""";

    @Test
    void aListedShortIdIsMentionedWhereverItStands() {
        MarkdownShortIds ids = new MarkdownShortIds(SIGNED);

        assertThat(ids.contains("cp-phase1-010")).isTrue(); // in a code span
        assertThat(ids.contains("cp-phase1-020")).isTrue(); // the start of a full step id
        assertThat(ids.contains("cp-phase2-010")).isTrue(); // the start of a longer number, as contains says
        assertThat(ids.contains("cp-phase3-040")).isTrue(); // after another prefix
        assertThat(ids.contains("cp-phase6-998")).isTrue(); // the text's last characters
    }

    @Test
    void aShortIdTheTextDoesNotHoldIsNotMentioned() {
        MarkdownShortIds ids = new MarkdownShortIds(SIGNED);

        assertThat(ids.contains("cp-phase1-030")).isFalse();
        assertThat(ids.contains("dp-phase1-010")).isFalse(); // same number, other plane
        assertThat(new MarkdownShortIds("").contains("cp-phase1-010")).isFalse();
        assertThat(new MarkdownShortIds("cp-phase1-01").contains("cp-phase1-010"))
                .isFalse(); // cut short
    }

    @Test
    void textThatIsNotAShortIdIsSearchedForAsIs() {
        MarkdownShortIds ids = new MarkdownShortIds(SIGNED);

        assertThat(ids.contains("APPROVED BY")).isTrue();
        assertThat(ids.contains("cp-phase1-020-subnets")).isTrue();
        assertThat(ids.contains("cp-phase1")).isTrue();
        assertThat(ids.contains("REJECTED")).isFalse();
    }

    @Test
    void everyShortIdShapedPieceOfTheTextAndEveryNeighbourAgreesWithContains() {
        MarkdownShortIds ids = new MarkdownShortIds(SIGNED);
        List<String> candidates = new ArrayList<>();
        for (String plane : List.of("cp", "dp")) {
            for (int phase = 0; phase <= 6; phase++) {
                for (int seq = 0; seq <= 120; seq += 10) {
                    candidates.add(String.format(Locale.ROOT, "%s-phase%d-%03d", plane, phase, seq));
                }
            }
        }
        for (int at = 0; at + MarkdownShortIds.LENGTH <= SIGNED.length(); at++) {
            candidates.add(SIGNED.substring(at, at + MarkdownShortIds.LENGTH));
        }

        assertThat(candidates).allSatisfy(c -> assertThat(ids.contains(c)).as(c).isEqualTo(SIGNED.contains(c)));
    }
}
