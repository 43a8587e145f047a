package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Warnings keep the order they were found in and drop a repeat of the same warning about the same step. */
class WarningsTest {
    @Test
    void warningsAreListedInTheOrderFoundEachOnce() {
        Warnings w = new Warnings();

        w.add("cp-phase1-010-vpc", "not in the signed Markdown");
        w.add(null, "data-migration plan blocker: no window");
        w.add("cp-phase1-010-vpc", "not in the signed Markdown");
        w.add("dp-phase2-010-copy", "not in the signed Markdown");
        w.add(null, "data-migration plan blocker: no window");
        w.add("cp-phase1-010-vpc", "needs a KMS grant");

        assertThat(w.list())
                .containsExactly(
                        new CompileWarning("cp-phase1-010-vpc", "not in the signed Markdown"),
                        new CompileWarning(null, "data-migration plan blocker: no window"),
                        new CompileWarning("dp-phase2-010-copy", "not in the signed Markdown"),
                        new CompileWarning("cp-phase1-010-vpc", "needs a KMS grant"));
    }

    @Test
    void theSameMessageAboutTheWholePlanAndAboutAStepAreTwoWarnings() {
        Warnings w = new Warnings();

        w.add(null, "freeze window has no release step");
        w.add("dp-phase4-010-freeze", "freeze window has no release step");

        assertThat(w.list()).hasSize(2);
    }

    @Test
    void aWarningWithoutAMessageIsRefusedAndNotRemembered() {
        Warnings w = new Warnings();

        assertThatThrownBy(() -> w.add("cp-phase1-010-vpc", null)).isInstanceOf(NullPointerException.class);
        assertThat(w.list()).isEmpty();
    }
}
