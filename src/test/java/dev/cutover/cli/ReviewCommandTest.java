package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.review.ReviewFixture;
import dev.cutover.testing.RunDirFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aGoodPlanPassesEveryCheckAndExitsZero() {
        Path dir = ReviewFixture.demo(tmp).dir();

        CliRunner.Result r = CliRunner.run("review", "--run-dir", dir.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.subList(0, lines.size() - 2))
                .hasSize(15)
                .allSatisfy(l -> assertThat(l).startsWith("PASS  "));
        // Not rehearsed yet: outside production that is a warning, not a failure (RehearsalCheckTest).
        assertThat(lines.get(lines.size() - 2)).startsWith("WARN  rehearsal");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).startsWith("PASS  rollback"))
                .anySatisfy(l -> assertThat(l).startsWith("PASS  freeze "))
                .anySatisfy(l -> assertThat(l).startsWith("PASS  freeze-release"))
                .anySatisfy(l -> assertThat(l).startsWith("PASS  gate"))
                .anySatisfy(l -> assertThat(l).startsWith("PASS  communication"))
                .anySatisfy(l -> assertThat(l).startsWith("PASS  rto"));
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("Review PASS: 0 FAIL, 1 WARN, 15 PASS over 15 steps (point of no return:"
                        + " dp-phase4-030-switch-live); exit 0");
    }

    @Test
    void aBadPlanFailsWithExitThreeNamingEachProblem() throws IOException {
        Path dir = badPlan();

        CliRunner.Result r = CliRunner.run("review", "--run-dir", dir.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
        List<String> failures =
                r.out().lines().filter(l -> l.startsWith("FAIL")).toList();
        assertThat(failures)
                .extracting(l -> String.join(" ", List.of(l.split("\\s+")).subList(0, 3)))
                .containsExactly(
                        "FAIL rollback dp-phase3-010-copy-config",
                        "FAIL freeze data-migration-plan.json#/datastores/0",
                        "FAIL gate cutover-checklist-data-plane.json#/phases/3/go_no_go_gate/criteria/0",
                        "FAIL communication cutover.yaml#/stakeholders/0");
        assertThat(failures.get(1)).contains("arn:aws:s3:::demo-data (demo-data)", "cutover-checklist-data-plane.json");
        assertThat(failures.get(2)).contains("\"plan exists\" is vague");
        assertThat(failures.get(3)).contains("team platform", "has no channel");
        assertThat(failures).allSatisfy(l -> assertThat(l).contains(" — fix: "));
        assertThat(r.out().lines().reduce((a, b) -> b).orElseThrow()).startsWith("Review FAIL: 4 FAIL, 1 WARN");
    }

    @Test
    void jsonHasAFixedShapeAndTheSameBytesWhereverTheRunDirectoryLives() throws IOException {
        Path first = badPlan();
        Path second = tmp.resolve("elsewhere/copy");
        copyTree(first, second);

        CliRunner.Result a = CliRunner.run("review", "--run-dir", first.toString(), "--json");
        CliRunner.Result b = CliRunner.run("review", "--run-dir", second.toString(), "--json");
        CliRunner.Result again = CliRunner.run("review", "--run-dir", first.toString(), "--json");

        assertThat(a.exit()).isEqualTo(3);
        assertThat(b.out()).isEqualTo(a.out());
        assertThat(again.out()).isEqualTo(a.out());
        JsonNode root = JSON.readTree(a.out());
        assertThat(fields(root)).containsExactly("verdict", "counts", "steps", "point_of_no_return", "findings", "rto");
        assertThat(root.path("verdict").asText()).isEqualTo("FAIL");
        assertThat(root.path("counts").path("FAIL").asInt()).isEqualTo(4);
        assertThat(root.path("point_of_no_return").asText()).isEqualTo("dp-phase3-010-copy-config");
        for (JsonNode f : root.path("findings")) {
            assertThat(fields(f)).containsExactly("check", "status", "subject", "message", "fix");
            assertThat(f.path("fix").isNull())
                    .isEqualTo(f.path("status").asText().equals("PASS"));
        }
        JsonNode rto = root.path("rto");
        assertThat(fields(rto)).containsExactly("declared", "rto_minutes", "phases");
        assertThat(rto.path("rto_minutes").asInt()).isEqualTo(15);
        JsonNode dp4 = rto.path("phases").get(rto.path("phases").size() - 1);
        assertThat(fields(dp4))
                .containsExactly(
                        "phase",
                        "name",
                        "subject",
                        "estimate_minutes",
                        "rto_minutes",
                        "rto_source",
                        "over_rto",
                        "steps");
        assertThat(dp4.path("phase").asText()).isEqualTo("DP4");
        assertThat(dp4.path("rto_source").asText()).isEqualTo("cutover.yaml#/rto_minutes");
        assertThat(dp4.path("steps").get(0).path("step_id").asText()).isEqualTo("dp-phase4-010-freeze-source");
    }

    @Test
    void reviewWritesNothing() throws IOException {
        Path dir = ReviewFixture.demo(tmp).dir();
        List<String> before = listing(dir);

        CliRunner.run("review", "--run-dir", dir.toString());
        CliRunner.run("review", "--run-dir", dir.toString(), "--json");

        assertThat(listing(dir)).isEqualTo(before);
        assertThat(dir.resolve("execution-steps.json")).doesNotExist();
    }

    @Test
    void invalidInputExitsTwoNamingTheProblemLikeEveryOtherVerb() throws IOException {
        Path dir = ReviewFixture.demo(tmp).dir();
        Files.writeString(dir.resolve("migration-plan.json"), "{ not json");

        CliRunner.Result r = CliRunner.run("review", "--run-dir", dir.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("migration-plan.json");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theUpstreamExampleIsReviewedWithoutCrashing() throws IOException {
        Optional<Path> example = RunDirFixtures.upstreamExample();
        assumeTrue(example.isPresent(), "upstream example not available");

        CliRunner.Result r = CliRunner.run("review", "--run-dir", example.get().toString(), "--json");

        assertThat(r.exit()).as(r.err()).isIn(0, 3);
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.path("findings").size()).isPositive();
        assertThat(root.path("point_of_no_return").asText()).isEqualTo("dp-phase3-010-secret-put");
        // It has no cutover.yaml, so no communication plan: that alone fails the review.
        assertThat(root.path("verdict").asText()).isEqualTo("FAIL");
        assertThat(root.path("findings"))
                .anySatisfy(f -> assertThat(f.path("subject").asText()).isEqualTo("cutover.yaml#/stakeholders"));
    }

    /** The demo with a missing rollback, an uncovered datastore, a vague criterion and a silent stakeholder. */
    private Path badPlan() throws IOException {
        return ReviewFixture.demo(tmp)
                .item("dp-phase3-010-copy-config", i -> i.remove("rollback_command"))
                .json(ReviewFixture.DP, root -> root.putArray("freeze_windows"))
                .json(
                        ReviewFixture.DP,
                        root -> root.withArray("/phases/3/go_no_go_gate/criteria")
                                .set(0, "plan exists"))
                .yaml("stakeholders", "stakeholders:\n  - {team: platform, contact: you@localhost}")
                .dir();
    }

    private static List<String> fields(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p) + " " + p.toFile().length())
                    .sorted()
                    .toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
