package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cutover.testing.RunDirFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Compiles the upstream planner's example run (read in place, never copied) and checks the headline rules. */
class UpstreamConformanceTest {
    private Plan plan;

    @BeforeEach
    void compileUpstreamExample() {
        Optional<Path> example = RunDirFixtures.upstreamExample();
        assumeTrue(example.isPresent(), "upstream example not available");
        plan = Compiles.compile(example.get());
    }

    @Test
    void bothPlanesAreCompiledWithTheHandoffBetweenThem() {
        List<String> planes =
                plan.steps().stream().map(ExecutionStep::plane).distinct().toList();
        assertThat(planes).containsExactly("cp", "dp");
        List<String> ids = plan.steps().stream().map(ExecutionStep::stepId).toList();
        int handoff = ids.indexOf(ExecutionStep.HANDOFF_STEP_ID);
        assertThat(handoff).isPositive();
        assertThat(ids.get(handoff - 1)).startsWith("cp-");
        assertThat(ids.get(handoff + 1)).startsWith("dp-");
        plan.steps().stream()
                .filter(s -> "dp".equals(s.plane()))
                .forEach(s -> assertThat(s.requires()).as(s.stepId()).contains(ExecutionStep.HANDOFF_STEP_ID));
    }

    @Test
    void everyLongRunningStepPollsWithSuccessStates() {
        List<ExecutionStep> longRunning =
                plan.steps().stream().filter(ExecutionStep::longRunning).toList();
        assertThat(longRunning).isNotEmpty();
        longRunning.forEach(s -> {
            assertThat(s.pollCmd()).as(s.stepId()).isNotBlank();
            assertThat(s.pollSuccessStates()).as(s.stepId()).isNotEmpty();
            assertThat(s.pollIntervalSeconds()).isEqualTo(60);
        });
    }

    @Test
    void dnsSwapIsIrreversibleAndHighRisk() {
        ExecutionStep dns = Compiles.step(plan, "dp-phase4-040-route53-swap");
        assertThat(dns.irreversible()).isTrue();
        assertThat(dns.risk()).isEqualTo("high");
    }

    @Test
    void secretStepCarriesNoSecretAndAsksForTheSecretFile() {
        ExecutionStep secret = Compiles.step(plan, "dp-phase3-010-secret-put");
        assertThat(secret.executeCmd()).contains("file://{secret-file}").doesNotContain("operator-supplied");
        assertThat(secret.runtimeParams()).contains("secret-file");
    }

    @Test
    void elidedBatchJobsBecomeHumanSteps() {
        List<ExecutionStep> batch = plan.steps().stream()
                .filter(s -> "s3-batch-replication-job".equals(s.action()))
                .toList();
        assertThat(batch).hasSize(2);
        batch.forEach(s -> {
            assertThat(s.tool()).isEqualTo("human");
            assertThat(s.executeCmd()).isEqualTo("true");
            assertThat(s.notes()).contains("MANUAL: aws s3control create-job");
        });
    }
}
