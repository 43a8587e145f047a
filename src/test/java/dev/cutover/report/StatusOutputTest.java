package dev.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusOutputTest {
    private static final String PLAN_SHA256 = "0123456789ab" + "c".repeat(52);

    @TempDir
    Path dir;

    @AutoClose
    TestJournal journal;

    @BeforeEach
    void open() {
        journal = new TestJournal(dir);
    }

    private StatusView crashed() {
        Scenario.crashedMidStep(journal);
        LockInfo lock = new LockInfo(4242, "bastion-1", "alice", TestJournal.T0, false);
        ReportInput input = journal.input(Scenario.PLAN, List.of(Scenario.ORDERS_FREEZE));
        return StatusViews.of(
                Path.of("/runs/r"),
                input,
                lock,
                false,
                null,
                new PlanCheck(PLAN_SHA256, "e1", PLAN_SHA256, true),
                journal.now().plus(Duration.ofHours(3)));
    }

    @Test
    void theTextShowsStateNowContinueAndOneAlignedRowPerStep() {
        StringWriter text = new StringWriter();
        StatusText.render(crashed(), new PrintWriter(text, true));
        List<String> lines = text.toString().lines().toList();

        assertThat(lines.get(0)).isEqualTo("Run northwind-42 in /runs/r");
        assertThat(lines.get(1))
                .isEqualTo("State: interrupted, lock left by dead (pid 4242 on bastion-1, operator alice, since "
                        + "2026-11-21T10:00:00.000Z)");
        assertThat(lines.get(2)).startsWith("Now: interrupted (crashed or killed) at " + Scenario.SUBNETS);
        assertThat(lines.get(3)).isEqualTo("Current step: " + Scenario.SUBNETS);
        assertThat(lines.get(4))
                .isEqualTo("Steps: 11 total, 2 succeeded, 0 skipped, 0 failed, 1 in flight, 0 blocked, " + "8 pending");
        assertThat(lines.get(5))
                .isEqualTo("Plan: execution-steps.json sha256 0123456789ab, the plan the run started with (e1)");
        assertThat(lines.get(6)).isEqualTo("Continue: cutover execute --run-dir /runs/r --resume");
        List<String> table = lines.subList(8, lines.size());
        assertThat(table).hasSize(12);
        assertThat(table.get(0)).startsWith("STEP").contains("PHASE").endsWith("AT");
        int stateColumn = table.get(0).indexOf("STATE");
        assertThat(table)
                .allSatisfy(row -> assertThat(row.charAt(stateColumn - 1)).isEqualTo(' '));
        assertThat(table.get(3))
                .startsWith(Scenario.SUBNETS)
                .contains(" in-flight ")
                .contains(" executed ");
        assertThat(table.get(4).substring(stateColumn)).startsWith("pending");
    }

    @Test
    void theJsonHasSnakeCaseKeysInOrderInstantsInJournalShapeAndNulls() throws Exception {
        String json = StatusJson.write(crashed());
        JsonNode tree = JsonMapper.builder().build().readTree(json);
        List<String> keys = new ArrayList<>();
        tree.fieldNames().forEachRemaining(keys::add);

        assertThat(keys)
                .containsExactly(
                        "run_dir",
                        "run_id",
                        "activity",
                        "verdict",
                        "waiting_for",
                        "current_step_id",
                        "next_command",
                        "lock",
                        "torn_tail",
                        "last_entry_at",
                        "counts",
                        "active_freezes",
                        "steps",
                        "jobs_in_flight",
                        "plan");
        assertThat(tree.get("activity").asText()).isEqualTo("interrupted");
        assertThat(tree.get("verdict").isNull()).isTrue();
        assertThat(tree.get("lock").get("started_at").asText()).isEqualTo("2026-11-21T10:00:00.000Z");
        assertThat(tree.get("counts").get("in_flight").asInt()).isEqualTo(1);
        assertThat(tree.get("steps")).hasSize(11);
        assertThat(tree.get("steps").get(2).get("last_event").asText()).isEqualTo("executed");
        assertThat(tree.get("steps").get(3).get("at").isNull()).isTrue();
        assertThat(tree.get("plan").get("matches").asBoolean()).isTrue();
        assertThat(tree.get("plan").get("recorded_in").asText()).isEqualTo("e1");
        assertThat(json).endsWith("}\n").doesNotContain("\r");
    }
}
