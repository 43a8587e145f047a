package dev.cutover.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecondConfirmationsTest {

    @Test
    void theDueNoteNamesAndCountsTheConfirmationsThatFollow() {
        assertThat(SecondConfirmations.dueNote(false, false)).isNull();
        assertThat(SecondConfirmations.dueNote(true, false))
                .isEqualTo("confirmations due: 1 (irreversible re-confirmation)");
        assertThat(SecondConfirmations.dueNote(false, true))
                .isEqualTo("confirmations due: 1 (point of no return crossing confirmed)");
        assertThat(SecondConfirmations.dueNote(true, true))
                .isEqualTo(
                        "confirmations due: 2 (irreversible re-confirmation, point of no return crossing confirmed)");
    }

    @Test
    void readsTheCountFromAnyPartOfTheNotes() {
        assertThat(SecondConfirmations.dueIn("sha256=ab; " + SecondConfirmations.dueNote(true, true) + "; typed"))
                .isEqualTo(2);
        assertThat(SecondConfirmations.dueIn(SecondConfirmations.dueNote(false, true)))
                .isEqualTo(1);
        assertThat(SecondConfirmations.dueIn("sha256=ab; typed")).isZero();
        assertThat(SecondConfirmations.dueIn(null)).isZero();
        assertThat(SecondConfirmations.dueIn("confirmations due: x")).isZero();
    }

    @Test
    void aConfirmationIsRecognisedByTheNotesItLeadsWith() {
        assertThat(SecondConfirmations.isConfirmation("irreversible re-confirmation; answers file a line 3"))
                .isTrue();
        assertThat(SecondConfirmations.isConfirmation("point of no return crossing confirmed"))
                .isTrue();
        assertThat(SecondConfirmations.isConfirmation("sha256=ab; " + SecondConfirmations.dueNote(true, false)))
                .as("the announcement is not the confirmation")
                .isFalse();
        assertThat(SecondConfirmations.isConfirmation("retry")).isFalse();
        assertThat(SecondConfirmations.isConfirmation(null)).isFalse();
    }
}
