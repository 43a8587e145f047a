package dev.cutover.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.app.CompileService;
import dev.cutover.app.ReviewService;
import dev.cutover.input.RunDirectory;
import dev.cutover.testing.Rehearsals;
import dev.cutover.testing.Scenario;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review's rehearsal check: rollbacks exercised in a successful rehearsal of this same plan. Production fails
 * without it (execute would refuse), other environments warn, and carried evidence of the plan passes.
 */
class RehearsalCheckTest {
    @TempDir
    Path tmp;

    private static Finding rehearsalFinding(Scenario s) {
        return new ReviewService(new CompileService())
                .review(new RunDirectory(s.dir()), Optional.empty()).review().findings().stream()
                        .filter(f -> f.check().equals("rehearsal"))
                        .findFirst()
                        .orElseThrow();
    }

    @Test
    void productionFailsWithoutEvidenceAndPassesOnceARehearsalOfThePlanIsCarriedIn() {
        Scenario production = Scenario.demo(tmp.resolve("production")).config(Rehearsals.DEMO_PRODUCTION);

        Finding before = rehearsalFinding(production);

        assertThat(before.status()).isEqualTo(Status.FAIL);
        assertThat(before.subject()).isEqualTo("rehearsal-evidence.json");
        assertThat(before.message())
                .startsWith("rollbacks not shown to work in a rehearsal of this plan: no rehearsal evidence")
                .endsWith("production execute refuses without it");
        assertThat(before.fix()).contains("cutover rehearse");

        Rehearsals.rehearseAndCarry(production, tmp.resolve("staging"));
        Finding after = rehearsalFinding(production);

        assertThat(after.status()).isEqualTo(Status.PASS);
        assertThat(after.message())
                .contains("proves a successful rehearsal of this plan")
                .contains("5 rollback(s) exercised");
    }

    @Test
    void outsideProductionMissingEvidenceOnlyWarns() {
        Finding finding = rehearsalFinding(Scenario.demo(tmp));

        assertThat(finding.status()).isEqualTo(Status.WARN);
        assertThat(finding.message()).contains("no rehearsal evidence");
    }
}
