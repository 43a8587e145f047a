package dev.cutover.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class StepGlobTest {

    @Test
    void starMatchesAnyRunIncludingNone() {
        StepGlob glob = new StepGlob("dp-phase2-*");

        assertThat(glob.matches("dp-phase2-")).isTrue();
        assertThat(glob.matches("dp-phase2-010-orders")).isTrue();
        assertThat(glob.matches("dp-phase3-010-orders")).isFalse();
        assertThat(glob.matches("xdp-phase2-010")).isFalse();
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        StepGlob glob = new StepGlob("cp-phase?-010");

        assertThat(glob.matches("cp-phase4-010")).isTrue();
        assertThat(glob.matches("cp-phase-010")).isFalse();
        assertThat(glob.matches("cp-phase44-010")).isFalse();
    }

    @Test
    void withoutWildcardsOnlyTheExactIdMatches() {
        StepGlob glob = new StepGlob("cp-phase1-010-vpc");

        assertThat(glob.matches("cp-phase1-010-vpc")).isTrue();
        assertThat(glob.matches("cp-phase1-010-vpc-2")).isFalse();
        assertThat(glob.matches("cp-phase1-010-vp")).isFalse();
    }

    @Test
    void severalStarsBacktrack() {
        StepGlob glob = new StepGlob("*-s3-*-sync");

        assertThat(glob.matches("dp-phase2-010-s3-orders-s3-logs-sync")).isTrue();
        assertThat(glob.matches("dp-phase2-010-s3-orders-sync-x")).isFalse();
    }

    @Test
    void charactersThatCannotOccurInStepIdsAreRejected() {
        assertThatThrownBy(() -> new StepGlob("cp-*,dp-*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StepGlob("Cp-*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StepGlob("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void aLoneStarMatchesEveryStepId(
            @ForAll @StringLength(max = 40) @CharRange(from = 'a', to = 'z') @NumericChars String stepId) {
        assertThat(new StepGlob("*").matches(stepId)).isTrue();
    }

    @Property
    void anIdAsGlobMatchesItselfAndNothingLonger(
            @ForAll @StringLength(min = 1, max = 40) @CharRange(from = 'a', to = 'z') @NumericChars String stepId) {
        StepGlob glob = new StepGlob(stepId);

        assertThat(glob.matches(stepId)).isTrue();
        assertThat(glob.matches(stepId + "x")).isFalse();
    }
}
