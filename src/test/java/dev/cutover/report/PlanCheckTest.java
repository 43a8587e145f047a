package dev.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCheckTest {
    private static final byte[] STEPS = "[]\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void aJournalWithoutARecordedDigestSaysSoAndClaimsNoMatch() {
        PlanCheck check = PlanCheck.of(List.of(), STEPS);

        assertThat(check.matches()).isNull();
        assertThat(check.startedWith()).isNull();
        assertThat(check.stepsFile()).hasSize(64);
        assertThat(check.line())
                .isEqualTo("execution-steps.json sha256 " + check.stepsFile().substring(0, 12)
                        + "; the journal records no plan digest (the run started before Cutover recorded one)");
    }

    @Test
    void aMissingStepsFileOfARunThatRecordedItsPlanNamesTheDigestToRestore() {
        String started = "ab".repeat(32);

        String line = new PlanCheck(started, "e1", null, null).line();

        assertThat(line)
                .isEqualTo("execution-steps.json is missing; the run started with sha256 abababababab (e1): restore it"
                        + " before resuming");
    }

    @Test
    void neitherAStepsFileNorADigestIsSaidPlainly() {
        assertThat(PlanCheck.of(List.of(), null).line())
                .isEqualTo("no execution-steps.json and no recorded plan digest");
    }
}
