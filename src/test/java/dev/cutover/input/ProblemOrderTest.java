package dev.cutover.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.error.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemOrderTest {
    private static Problem at(String file, String pointer, String message) {
        return new Problem(file, pointer, message, "fix");
    }

    @Test
    void inputFilesComeInTheirFixedOrderAndOtherFilesAfterThem() {
        List<Problem> sorted = ProblemOrder.sorted(List.of(
                at("cutover.yaml", "", "m"),
                at(Plane.DP.markdownFile(), "", "m"),
                at(RunDirectory.RESOURCE_OWNERSHIP, "", "m"),
                at(Plane.CP.jsonFile(), "/phases", "m")));

        assertThat(sorted)
                .extracting(Problem::file)
                .containsExactly(
                        Plane.CP.jsonFile(), RunDirectory.RESOURCE_OWNERSHIP, Plane.DP.markdownFile(), "cutover.yaml");
    }

    @Test
    void arrayIndexesCompareAsNumbersAndParentsComeFirst() {
        String f = RunDirectory.MIGRATION_PLAN;
        List<Problem> sorted = ProblemOrder.sorted(List.of(
                at(f, "/phases/10/name", "m"),
                at(f, "/phases/2/name", "m"),
                at(f, "/phases/2", "m"),
                at(f, "", "m"),
                at(f, "/metadata", "m")));

        assertThat(sorted)
                .extracting(Problem::pointer)
                .containsExactly("", "/metadata", "/phases/2", "/phases/2/name", "/phases/10/name");
    }

    @Test
    void samePlaceIsOrderedByMessageAndExactDuplicatesCollapse() {
        String f = RunDirectory.MIGRATION_PLAN;
        List<Problem> sorted =
                ProblemOrder.sorted(List.of(at(f, "/a", "b second"), at(f, "/a", "a first"), at(f, "/a", "b second")));

        assertThat(sorted).extracting(Problem::message).containsExactly("a first", "b second");
    }
}
