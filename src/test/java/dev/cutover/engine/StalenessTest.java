package dev.cutover.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StalenessTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final Staleness staleness = new Staleness(Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest(name = "captured {0} ago, accept-stale={1} => refused={2}, warnings={3}")
    @CsvSource({
        "PT0S,        false, false, 0",
        "P7D,         false, false, 0",
        "P7DT1S,      false, false, 1",
        "P14D,        false, false, 1",
        "P14DT0.001S, false, true,  0",
        "P30D,        false, true,  0",
        "P30D,        true,  false, 1",
        "-PT1S,       false, false, 1",
        "-P3D,        true,  false, 1"
    })
    void ageDecidesRefusalAndWarnings(String age, boolean acceptStale, boolean refused, int warnings) {
        StalenessResult result = staleness.evaluate(
                List.of(new CapturedAt("migration-plan.json", NOW.minus(Duration.parse(age)))), acceptStale);

        assertThat(result.refused()).isEqualTo(refused);
        assertThat(result.warnings()).hasSize(warnings);
    }

    @Test
    void refusalNamesEveryStaleFileOldestFirstWithItsAge() {
        StalenessResult result = staleness.evaluate(
                List.of(
                        new CapturedAt("migration-plan.json", NOW.minus(Duration.ofDays(1))),
                        new CapturedAt("dependency-graph.json", NOW.minus(Duration.parse("P15DT3H"))),
                        new CapturedAt("hardcoded-values.json", NOW.minus(Duration.ofDays(20)))),
                false);

        assertThat(result.refusal())
                .contains("Inputs are older than 14 days: hardcoded-values.json is 20 days 0 hours old"
                        + " (captured_at 2026-11-01T12:00:00Z); dependency-graph.json is 15 days 3 hours old"
                        + " (captured_at 2026-11-06T09:00:00Z). Re-run discovery to refresh them, or pass"
                        + " --accept-stale to cut over with old data.");
        assertThat(result.staleFiles()).containsExactly("hardcoded-values.json", "dependency-graph.json");
        assertThat(result.staleAccepted()).isFalse();
    }

    @Test
    void acceptStaleTurnsTheRefusalIntoAWarningAndRecordsTheFiles() {
        StalenessResult result = staleness.evaluate(
                List.of(new CapturedAt("migration-plan.json", NOW.minus(Duration.ofDays(15)))), true);

        assertThat(result.refusal()).isEmpty();
        assertThat(result.staleAccepted()).isTrue();
        assertThat(result.staleFiles()).containsExactly("migration-plan.json");
        assertThat(result.warnings())
                .containsExactly("migration-plan.json is 15 days 0 hours old (captured_at 2026-11-06T12:00:00Z),"
                        + " beyond the 14-day limit; proceeding because --accept-stale was given.");
    }

    @Test
    void futureCaptureTimeWarnsAboutTheClock() {
        StalenessResult result = staleness.evaluate(
                List.of(new CapturedAt("dependency-graph.json", NOW.plus(Duration.ofHours(2)))), false);

        assertThat(result.warnings())
                .containsExactly("dependency-graph.json has captured_at 2026-11-21T14:00:00Z, 0 days 2 hours in the"
                        + " future; check the clock of the machine that produced it.");
    }

    @Test
    void noInputsIsNeitherRefusedNorWarned() {
        StalenessResult result = staleness.evaluate(List.of(), false);

        assertThat(result.refused()).isFalse();
        assertThat(result.warnings()).isEmpty();
    }
}
