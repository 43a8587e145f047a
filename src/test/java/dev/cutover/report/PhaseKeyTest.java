package dev.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PhaseKey's written-out equality means what a record's generated one would: all three components. */
class PhaseKeyTest {
    @Test
    void keysWithTheSameComponentsAreEqualAndHashAlike() {
        PhaseKey a = new PhaseKey("DP4", "dp", 4);
        PhaseKey b = new PhaseKey("DP4", "dp", 4);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(PhaseKey.HANDOFF).isEqualTo(new PhaseKey("handoff", "cp", 6));
    }

    @Test
    void anyDifferentComponentMakesADifferentKey() {
        PhaseKey a = new PhaseKey("DP4", "dp", 4);

        assertThat(List.of(
                        new PhaseKey("DP5", "dp", 4),
                        new PhaseKey("DP4", "cp", 4),
                        new PhaseKey("DP4", "dp", 5),
                        new PhaseKey(null, "dp", 4)))
                .allSatisfy(other -> assertThat(other).isNotEqualTo(a));
        assertThat(a).isNotEqualTo("DP4").isNotEqualTo(null);
        assertThat(new PhaseKey(null, null, 0)).isEqualTo(new PhaseKey(null, null, 0));
    }

    @Test
    void theThirteenBucketsAreDistinctKeys() {
        Set<PhaseKey> keys = new HashSet<>(PhaseKey.all());

        assertThat(keys).hasSize(13);
    }
}
