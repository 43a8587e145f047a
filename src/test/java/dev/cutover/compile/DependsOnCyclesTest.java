package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.error.CutoverException;
import dev.cutover.error.Problem;
import dev.cutover.input.DataMigrationPlan;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every datastore on a depends_on cycle is reported, in the plan's order; one that only leads into it is not. */
class DependsOnCyclesTest {
    @Test
    void datastoresOnACycleAreReportedInPlanOrder() {
        DataMigrationPlan plan = new DataMigrationPlan(
                null,
                List.of(
                        store("a", "b"), // leads into the cycle b -> c -> b
                        store("b", "c"),
                        store("c", "b", "unknown"),
                        store("d", "d"), // on a cycle of its own
                        store("e", "a"),
                        store("a", "a")), // not a's depends_on: the first datastore with an ARN gives it
                List.of());

        assertThat(pointers(plan))
                .containsExactly("/datastores/1/depends_on", "/datastores/2/depends_on", "/datastores/3/depends_on");
    }

    @Test
    void noCycleNoError() {
        DataMigrationPlan plan =
                new DataMigrationPlan(null, List.of(store("a", "b", "c"), store("b", "c"), store("c")), List.of());

        assertThat(pointers(plan)).isEmpty();
    }

    private static List<String> pointers(DataMigrationPlan plan) {
        CompileErrors errors = new CompileErrors();
        DependsOnCycles.check(plan, errors);
        if (errors.isEmpty()) {
            return List.of();
        }
        try {
            errors.throwIfAny();
            throw new AssertionError("errors without a failure");
        } catch (CutoverException e) {
            return e.problems().stream().map(Problem::pointer).toList();
        }
    }

    private static DataMigrationPlan.Datastore store(String name, String... dependsOn) {
        return new DataMigrationPlan.Datastore(
                "arn:aws:s3:::" + name, "AWS::S3::Bucket", name, null, null, null, null, arns(dependsOn), null);
    }

    private static List<String> arns(String... names) {
        return Arrays.stream(names).map(n -> "arn:aws:s3:::" + n).toList();
    }
}
