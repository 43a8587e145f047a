package dev.cutover.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapturedValuesTest {
    @Test
    void notesRoundTripThroughParse() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("task-execution-arn", "arn:aws:datasync:eu-west-1:111111111111:task/t-1/execution/exec-1");
        values.put("export_arn", "a=b");

        String notes = CapturedValues.toNotes(values);

        assertThat(notes).startsWith("captured: task-execution-arn=arn:aws");
        assertThat(CapturedValues.parse(notes)).containsExactlyEntriesOf(values);
    }

    @Test
    void ignoresTheMarkerInsideAWordAndNotesWithoutIt() {
        assertThat(CapturedValues.parse("uncaptured: id=1")).isEmpty();
        assertThat(CapturedValues.parse("retry")).isEmpty();
        assertThat(CapturedValues.parse(null)).isEmpty();
    }

    @Test
    void readsOnlyTheMarkedLine() {
        assertThat(CapturedValues.parse("manual\ncaptured: id=7\nother=1")).containsExactly(Map.entry("id", "7"));
    }

    @Test
    void refusesValuesThatCouldNotBeParsedBack() {
        assertThatThrownBy(() -> CapturedValues.toNotes(Map.of("id", "a;b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CapturedValues.toNotes(Map.of("bad name", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
