package dev.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryJsonTest {
    static final Instant START = Instant.parse("2026-11-21T10:00:00.000Z");
    static final FreezeSpec FREEZE = new FreezeSpec(
            "arn:aws:rds:eu-west-1:111111111111:db:orders", 30, "dp-phase4-010-orders-freeze-writes", null);

    static RunSummary halted() {
        return new RunSummary(
                Instant.parse("2026-11-21T12:05:09.120Z"),
                Verdict.HALTED,
                11,
                1,
                1,
                1,
                "rollback skipped",
                "cp-phase1-020-subnets",
                "northwind-42",
                START,
                7509,
                3,
                2,
                7,
                1,
                List.of(new ActiveFreeze(FREEZE, Instant.parse("2026-11-21T11:00:00.000Z"), 65)));
    }

    @Test
    void theSummaryIsWrittenWithFormatsKeyOrderTwoSpaceIndentNullsAndATrailingNewline() {
        String expected = """
                {
                  "ended_at": "2026-11-21T12:05:09.120Z",
                  "verdict": "halted",
                  "steps_total": 11,
                  "steps_succeeded": 1,
                  "steps_skipped": 1,
                  "steps_failed": 1,
                  "halt_reason": "rollback skipped",
                  "halt_step_id": "cp-phase1-020-subnets",
                  "run_id": "northwind-42",
                  "started_at": "2026-11-21T10:00:00.000Z",
                  "elapsed_seconds": 7509,
                  "approvals_requested": 3,
                  "approvals_given": 2,
                  "steps_blocked": 7,
                  "steps_pending": 1,
                  "active_freezes": [
                    {
                      "datastore_arn": "arn:aws:rds:eu-west-1:111111111111:db:orders",
                      "begins_at_step_id": "dp-phase4-010-orders-freeze-writes",
                      "started_at": "2026-11-21T11:00:00.000Z",
                      "duration_minutes": 30,
                      "elapsed_minutes": 65
                    }
                  ],
                  "rollback": null
                }
                """;

        assertThat(new String(SummaryJson.write(halted()), StandardCharsets.UTF_8))
                .isEqualTo(expected);
    }

    @Test
    void anInterruptedSummaryWritesNullsAndAnEmptyFreezeList() {
        RunSummary s = new RunSummary(
                null, Verdict.INTERRUPTED, 2, 1, 0, 0, null, null, "r", START, 60, 1, 1, 0, 1, List.of());

        String json = new String(SummaryJson.write(s), StandardCharsets.UTF_8);

        assertThat(json)
                .startsWith("{\n  \"ended_at\": null,\n  \"verdict\": \"interrupted\",")
                .contains("\"halt_reason\": null,\n  \"halt_step_id\": null,")
                .endsWith("\"active_freezes\": [],\n  \"rollback\": null\n}\n")
                .doesNotContain("\r");
    }

    @Test
    void theSameRunGivesTheSameBytesAndTheKeysOfFormatsInOrder(@TempDir Path dir) throws Exception {
        byte[] first;
        try (TestJournal journal = new TestJournal(dir)) {
            Scenario.completed(journal);
            ReportInput input = journal.input(Scenario.PLAN, List.of(Scenario.ORDERS_FREEZE));
            Instant end = journal.now();
            first = SummaryJson.write(RunSummaries.build(input, Ending.completed(), end));
            byte[] second = SummaryJson.write(RunSummaries.build(input, Ending.completed(), end));
            assertThat(second).isEqualTo(first);
        }

        JsonNode tree = JsonMapper.builder().build().readTree(first);
        List<String> keys = new ArrayList<>();
        tree.fieldNames().forEachRemaining(keys::add);
        assertThat(keys)
                .containsExactly(
                        "ended_at",
                        "verdict",
                        "steps_total",
                        "steps_succeeded",
                        "steps_skipped",
                        "steps_failed",
                        "halt_reason",
                        "halt_step_id",
                        "run_id",
                        "started_at",
                        "elapsed_seconds",
                        "approvals_requested",
                        "approvals_given",
                        "steps_blocked",
                        "steps_pending",
                        "active_freezes",
                        "rollback");
        assertThat(tree.get("verdict").asText()).isEqualTo("completed");
    }
}
