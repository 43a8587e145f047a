package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ErrorCatalogueTest {
    private static final Path PAGE = Path.of("docs", "errors.md");

    @Test
    void errorCataloguePageMatchesTheErrorCodes() throws IOException {
        String expected = ErrorCatalogue.markdown();
        if (Boolean.getBoolean("cutover.updateDocs")) {
            Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
        }
        assertThat(PAGE).exists();
        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
                .as("docs/errors.md is stale; rerun with -Dcutover.updateDocs=true")
                .isEqualTo(expected);
    }
}
