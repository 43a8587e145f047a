package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cutover.error.CutoverException;
import dev.cutover.error.Problem;
import org.junit.jupiter.api.Test;

/** Compile errors keep the order they were found in and drop an exact repeat. */
class CompileErrorsTest {
    @Test
    void errorsAreListedInTheOrderFoundEachOnce() {
        CompileErrors errors = new CompileErrors();

        errors.add("a.json", "/x", "bad x", "fix x");
        errors.add("a.json", "/y", "bad y", "fix y");
        errors.add("a.json", "/x", "bad x", "fix x");
        errors.add("a.json", "/x", "bad x", "another fix");

        CutoverException e = catchThrowableOfType(CutoverException.class, errors::throwIfAny);
        assertThat(e.problems())
                .containsExactly(
                        new Problem("a.json", "/x", "bad x", "fix x"),
                        new Problem("a.json", "/y", "bad y", "fix y"),
                        new Problem("a.json", "/x", "bad x", "another fix"));
        assertThat(e.getMessage()).isEqualTo("3 compile errors");
    }
}
