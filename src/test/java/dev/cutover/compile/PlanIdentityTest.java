package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.testing.RunDirFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plan identity (issue 5, docs/rehearsal.md): a staging copy of the production checklists pointed at other
 * accounts and profiles is the same plan; any change to steps, commands or their order is not.
 */
class PlanIdentityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROD_SOURCE = "123456789012";
    private static final String PROD_TARGET = "210987654321";
    private static final String STAGING_SOURCE = "333333333333";
    private static final String STAGING_TARGET = "444444444444";

    @TempDir
    Path tmp;

    private static PlanIdentity production(List<ExecutionStep> steps) {
        return PlanIdentity.of(steps, PROD_SOURCE, PROD_TARGET);
    }

    @Test
    void aStagingCopyOfTheProductionChecklistsWithOtherAccountIdsHasTheSameIdentity() throws Exception {
        Plan prod = Compiles.complete();
        Path staging = RunDirFixtures.copy("complete", tmp.resolve("staging"));
        replaceEverywhere(staging, PROD_SOURCE, STAGING_SOURCE);
        replaceEverywhere(staging, PROD_TARGET, STAGING_TARGET);
        Plan rehearsed = Compiles.compile(staging);

        assertThat(StepsJson.write(rehearsed.steps()))
                .as("the staging steps really name other accounts")
                .isNotEqualTo(StepsJson.write(prod.steps()));
        assertThat(PlanIdentity.of(rehearsed.steps(), STAGING_SOURCE, STAGING_TARGET))
                .isEqualTo(production(prod.steps()));
    }

    @Test
    void literalProfileNamesAreEnvironmentButTheProfileVariablesNameARole() {
        List<ExecutionStep> prod = edit(
                Compiles.complete().steps(),
                3,
                s -> s.put("execute_cmd", "aws s3 ls --profile prod-admin && AWS_PROFILE=prod-reader aws s3 ls"));
        List<ExecutionStep> staging = edit(
                prod,
                3,
                s -> s.put("execute_cmd", "aws s3 ls --profile=stg-admin && AWS_PROFILE='stg-reader' aws s3 ls"));
        List<ExecutionStep> swapped = edit(
                prod,
                3,
                s -> s.put(
                        "execute_cmd",
                        "aws s3 ls --profile $MIGRATION_SOURCE_PROFILE && AWS_PROFILE=prod-reader aws s3 ls"));

        assertThat(production(staging)).isEqualTo(production(prod));
        assertThat(production(swapped)).isNotEqualTo(production(prod));
        assertThat(PlanIdentity.canonical(prod, PROD_SOURCE, PROD_TARGET))
                .contains("aws s3 ls --profile {profile} && AWS_PROFILE={profile} aws s3 ls")
                .contains("--profile $MIGRATION_SOURCE_PROFILE");
    }

    @Test
    void theRunsOwnSourceAndTargetAccountsKeepTheirRolesSoSwappingThemIsAChange() {
        List<ExecutionStep> steps = edit(
                Compiles.complete().steps(),
                2,
                s -> s.put("execute_cmd", "aws iam get-role --role-name r --expected-owner " + PROD_SOURCE));
        List<ExecutionStep> toTarget = edit(
                steps, 2, s -> s.put("execute_cmd", "aws iam get-role --role-name r --expected-owner " + PROD_TARGET));
        List<ExecutionStep> thirdAccount = edit(
                steps, 2, s -> s.put("execute_cmd", "aws iam get-role --role-name r --expected-owner 999999999999"));

        assertThat(production(toTarget)).isNotEqualTo(production(steps));
        assertThat(production(thirdAccount)).isNotEqualTo(production(steps));
        assertThat(PlanIdentity.canonical(steps, PROD_SOURCE, PROD_TARGET))
                .contains("--expected-owner {source-account}");
        assertThat(PlanIdentity.canonical(thirdAccount, PROD_SOURCE, PROD_TARGET))
                .contains("--expected-owner {account}");
    }

    @Test
    void aChangedCommandOfAnyKindIsADifferentPlan() {
        List<ExecutionStep> steps = Compiles.complete().steps();
        PlanIdentity original = production(steps);
        int withRollback = indexOf(steps, s -> !s.rollbackCmd().isEmpty());
        int withPreview = indexOf(steps, s -> s.previewCmd() != null);

        assertThat(production(edit(
                        steps,
                        1,
                        s -> s.put("execute_cmd", s.path("execute_cmd").asText() + " --dry-run"))))
                .isNotEqualTo(original);
        assertThat(production(edit(steps, 1, s -> s.put("verify_cmd", "true")))).isNotEqualTo(original);
        assertThat(production(edit(steps, withRollback, s -> s.put("rollback_cmd", "true"))))
                .isNotEqualTo(original);
        assertThat(production(edit(steps, withPreview, s -> s.put("preview_cmd", "true"))))
                .isNotEqualTo(original);
        assertThat(production(edit(
                        steps,
                        1,
                        s -> s.put("irreversible", !s.path("irreversible").asBoolean()))))
                .isNotEqualTo(original);
        int withRequires = indexOf(steps, s -> !s.requires().isEmpty());
        assertThat(production(edit(steps, withRequires, s -> s.putArray("requires"))))
                .as("a changed requires")
                .isNotEqualTo(original);
    }

    @Test
    void aChangedStepOrderOrAnAddedStepIsADifferentPlan() {
        List<ExecutionStep> steps = Compiles.complete().steps();
        List<ExecutionStep> swapped = new java.util.ArrayList<>(steps);
        java.util.Collections.swap(swapped, 1, 2);
        List<ExecutionStep> added = new java.util.ArrayList<>(steps);
        added.add(edit(steps, 1, s -> s.put("step_id", "cp-phase1-777-extra")).get(1));

        assertThat(production(swapped)).isNotEqualTo(production(steps));
        assertThat(production(added)).isNotEqualTo(production(steps));
        assertThat(production(steps.subList(0, steps.size() - 1))).isNotEqualTo(production(steps));
    }

    @Test
    void wordingOwnersAndTimeBoxesAreNotThePlan() {
        List<ExecutionStep> steps = Compiles.complete().steps();
        List<ExecutionStep> reworded = edit(
                steps,
                1,
                s -> s.put("description", "reworded")
                        .put("notes", "other notes")
                        .put("owner_team", "another-team")
                        .put("estimated_seconds", 1234)
                        .put("risk", "low"));

        assertThat(production(reworded)).isEqualTo(production(steps));
        assertThat(production(steps).sha256()).matches("[0-9a-f]{64}");
        assertThat(PlanIdentity.canonical(steps, PROD_SOURCE, PROD_TARGET))
                .startsWith("{\"format\":\"cutover-plan-identity/1\"");
    }

    private static int indexOf(List<ExecutionStep> steps, java.util.function.Predicate<ExecutionStep> p) {
        for (int i = 0; i < steps.size(); i++) {
            if (p.test(steps.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such step in the fixture");
    }

    /** The steps with step {@code index} rewritten through its JSON. */
    private static List<ExecutionStep> edit(List<ExecutionStep> steps, int index, Consumer<ObjectNode> change) {
        try {
            ArrayNode array = (ArrayNode) JSON.readTree(StepsJson.write(steps));
            change.accept((ObjectNode) array.get(index));
            return StepsJson.read(JSON.writeValueAsBytes(array));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void replaceEverywhere(Path dir, String from, String to) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.writeString(f, Files.readString(f).replace(from, to));
            }
        }
    }
}
