package dev.cutover.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.CapturedAtText;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CapturedAtTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-20T10:00:00Z",
                "2026-11-20 10:00:00Z",
                "2026-11-20t10:00:00z",
                "2026-11-20T12:00:00+02:00",
                "2026-11-20T05:30:00-04:30",
                "2026-11-20T10:00:00.000Z"
            })
    void everyRfc3339FormTheSchemaAdmitsIsTheSameInstant(String text) {
        CapturedAt at = CapturedAt.parse(new CapturedAtText("migration-plan.json", text));

        assertThat(at.capturedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(at.file()).isEqualTo("migration-plan.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20T10:00:00", "yesterday", "2026-13-20T10:00:00Z", ""})
    void anythingElseIsRefusedNamingTheFileTheFieldTheValueAndTheForm(String text) {
        assertThatThrownBy(() -> CapturedAt.parse(new CapturedAtText("dependency-graph.json", text)))
                .isInstanceOfSatisfying(
                        CutoverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_INVALID))
                .hasMessageContaining("dependency-graph.json: /metadata/captured_at: `" + text + "`")
                .hasMessageContaining("2026-11-20T10:00:00Z");
    }
}
