package dev.cutover.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.error.Problem;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-written mapping makes of real run directories exactly what Jackson's data binding made of them. */
class InputMapperTest {

    @TempDir
    Path tmp;

    @Test
    void completeFixtureMapsAsDataBindingDid() {
        assertMapsAsDataBindingDid(TestRunDirs.complete(tmp.resolve("run")));
    }

    @Test
    void upstreamExampleMapsAsDataBindingDid() {
        assertMapsAsDataBindingDid(TestRunDirs.upstream(tmp.resolve("run")));
    }

    @Test
    void anIntegerTooLargeForItsFieldIsAProblemAtItsPointer() {
        Path dir = TestRunDirs.complete(tmp.resolve("run"));
        // time_box_minutes has a schema maximum now; a freeze window's duration is still only bounded below.
        String dp = Plane.DP.jsonFile();
        String pointer = "/freeze_windows/0/duration_minutes";
        TestRunDirs.replace(dir, dp, pointer, new BigInteger("3000000000"));
        // Schema-valid and as large, but no record reads it: not a problem.
        TestRunDirs.replace(dir, RunDirectory.MIGRATION_PLAN, "/phases/0/estimated_duration_minutes", 1L << 40);

        CutoverException e = catchThrowableOfType(
                () -> new InputLoader(SchemaValidator.shared()).load(new RunDirectory(dir)), CutoverException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.INPUT_INVALID);
        assertThat(e.problems())
                .extracting(Problem::file, Problem::pointer, Problem::message, Problem::fix)
                .containsExactly(tuple(
                        dp, pointer, "3000000000 is out of range", "use an integer from -2147483648 to 2147483647"));
    }

    private static void assertMapsAsDataBindingDid(Path dir) {
        Map<InputFile, JsonNode> documents = DataBindingReference.documents(dir);

        InputMapper.Mapped mapped =
                new InputMapper().map(new RunDirectory(dir), documents, DataBindingReference.markdown());

        assertThat(mapped.problems()).isEmpty();
        assertThat(DataBindingReference.records(mapped.inputs()))
                .isEqualTo(DataBindingReference.map(documents).orElseThrow());
    }
}
