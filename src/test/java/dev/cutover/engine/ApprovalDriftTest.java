package dev.cutover.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How a step's command in the current plan is compared with the text its approval bound to (docs/resume.md):
 * values the journal recorded are substituted; a value it does not hold may be any one safe value, quoted as
 * substitution quotes it, and nothing else, so an edit of the plan's own text is always seen.
 */
class ApprovalDriftTest {
    private static RuntimeValues values(String... pairs) {
        RuntimeValues v = new RuntimeValues();
        for (int i = 0; i < pairs.length; i += 2) {
            v.put(pairs[i], pairs[i + 1]);
        }
        return v;
    }

    @Test
    void recordedValuesAreSubstitutedAndTheWholeTextMustBeEqual() {
        RuntimeValues known = values("label", "blue");

        assertThat(ApprovalDrift.canGive("touch service/{label}", known, "touch service/'blue'"))
                .isTrue();
        assertThat(ApprovalDrift.canGive("touch service/{label}", known, "touch service/'green'"))
                .isFalse();
        assertThat(ApprovalDrift.canGive("touch other/{label}", known, "touch service/'blue'"))
                .isFalse();
        assertThat(ApprovalDrift.canGive("true", values(), "true")).isTrue();
    }

    @Test
    void anUnknownValueStandsForOneSafeValueQuotedAsSubstitutionQuotesIt() {
        assertThat(ApprovalDrift.canGive("touch service/{label}", values(), "touch service/'blue'"))
                .isTrue();
        assertThat(ApprovalDrift.canGive("echo \"{label}\"", values(), "echo \"blue\""))
                .isTrue();
        assertThat(ApprovalDrift.canGive("touch service/{label}", values(), "touch service/blue"))
                .as("substitution single-quotes a value outside quotes")
                .isFalse();
    }

    @Test
    void anUnknownValueNeverAbsorbsAnEditOfThePlansOwnText() {
        assertThat(ApprovalDrift.canGive("touch service/{label}", values(), "touch service/'blue' more"))
                .isFalse();
        assertThat(ApprovalDrift.canGive("touch {label}", values(), "touch 'a b'"))
                .isFalse();
        assertThat(ApprovalDrift.canGive("touch {label}", values(), "touch 'a';rm"))
                .isFalse();
        assertThat(ApprovalDrift.canGive("rm service/{label}", values(), "touch service/'blue'"))
                .isFalse();
    }

    @Test
    void anUnknownValueIsTheSameValueWhereverItRecurs() {
        assertThat(ApprovalDrift.canGive("cp {x} {x}.bak", values(), "cp 'a' 'a'.bak"))
                .isTrue();
        assertThat(ApprovalDrift.canGive("cp {x} {x}.bak", values(), "cp 'a' 'b'.bak"))
                .isFalse();
        assertThat(ApprovalDrift.canGive("cp {x} {y}", values(), "cp 'a' 'b'")).isTrue();
    }

    @Test
    void knownAndUnknownValuesTogether() {
        assertThat(ApprovalDrift.canGive("cp {src} {dst}", values("src", "a"), "cp 'a' 'b'"))
                .isTrue();
        assertThat(ApprovalDrift.canGive("cp {src} {dst}", values("src", "a"), "cp 'z' 'b'"))
                .isFalse();
    }

    @Test
    void aPlanThatContainsTheStandInLiterallyIsNeverMatched() {
        assertThat(ApprovalDrift.canGive(
                        "echo cutover-unknown-value-0-end {x}", values(), "echo cutover-unknown-value-0-end 'a'"))
                .isFalse();
    }

    @Test
    void comparingLeavesTheRecordedValuesAsTheyWere() {
        RuntimeValues known = values("src", "a");

        ApprovalDrift.canGive("cp {src} {dst}", known, "cp 'a' 'b'");

        assertThat(known.has("dst")).isFalse();
    }
}
