package dev.cutover.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {
    private static final List<String> KEYS =
            List.of("environment", "allowed_programs", "approvers", "poll_interval_seconds", "rto_minutes", "notes");

    @Test
    void aDroppedAddedChangedOrSwappedLetterFindsTheKey() {
        assertThat(Spelling.closest("enviroment", KEYS)).hasValue("environment");
        assertThat(Spelling.closest("environmentt", KEYS)).hasValue("environment");
        assertThat(Spelling.closest("approvars", KEYS)).hasValue("approvers");
        assertThat(Spelling.closest("aproverss", KEYS)).hasValue("approvers");
        assertThat(Spelling.closest("rto_mintues", KEYS)).hasValue("rto_minutes");
    }

    @Test
    void caseAndHyphensForUnderscoresFindTheKeyWhateverTheLength() {
        assertThat(Spelling.closest("Poll-Interval-Seconds", KEYS)).hasValue("poll_interval_seconds");
        assertThat(Spelling.closest("NOTES", KEYS)).hasValue("notes");
    }

    @Test
    void aDistantWordATieOrAShortWordWithTwoEditsGivesNoHint() {
        assertThat(Spelling.closest("colour", KEYS)).isEmpty();
        assertThat(Spelling.closest("poll_interval", KEYS)).isEmpty();
        // Two edits in a five-letter word are too many to guess from.
        assertThat(Spelling.closest("nbtez", KEYS)).isEmpty();
        assertThat(Spelling.closest("cat", List.of("bat", "cut"))).isEmpty();
        assertThat(Spelling.closest("notes", KEYS)).isEmpty();
    }

    @Test
    void underscoresLeftOutOrAddedFindTheKey() {
        assertThat(Spelling.closest("pollintervalseconds", KEYS)).hasValue("poll_interval_seconds");
        assertThat(Spelling.closest("allowedPrograms", KEYS)).hasValue("allowed_programs");
        assertThat(Spelling.closest("rto__minutes", KEYS)).hasValue("rto_minutes");
    }

    @Test
    void nearMissesNameEveryEquallyNearKeyAndKeysWhoseShortLastWordWasLeftOut() {
        List<String> fields = List.of("poll_cmd", "poll_cmds", "release_step_id", "rollback_command", "command");

        assertThat(Spelling.nearMisses("poll_cmdz", fields)).containsExactly("poll_cmd", "poll_cmds");
        assertThat(Spelling.nearMisses("release_step", fields)).containsExactly("release_step_id");
        assertThat(Spelling.nearMisses("poll", fields)).containsExactly("poll_cmd");
        // A longer word left out may well name a field of its own (a planner's `rollback` object).
        assertThat(Spelling.nearMisses("rollback", fields)).isEmpty();
        assertThat(Spelling.nearMisses("release", fields)).isEmpty();
        assertThat(Spelling.nearMisses("Rollback-Command", fields)).containsExactly("rollback_command");
        assertThat(Spelling.nearMisses("comand", fields)).containsExactly("command");
        assertThat(Spelling.nearMisses("release_", fields)).isEmpty();
        assertThat(Spelling.nearMisses("x_change_ticket", fields)).isEmpty();
        assertThat(Spelling.nearMisses("command", fields)).isEmpty();
    }

    @Test
    void aHugeUnknownKeyIsNoNearMissAndCostsNoSquare() {
        assertThat(Spelling.nearMisses("k".repeat(1_000_000), KEYS)).isEmpty();
    }

    @Test
    void distanceCountsASwapOfNeighboursAsOneEdit() {
        assertThat(Spelling.distance("abcd", "abdc")).isEqualTo(1);
        assertThat(Spelling.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Spelling.distance("", "abc")).isEqualTo(3);
        assertThat(Spelling.distance("same", "same")).isZero();
    }
}
