package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.testing.RunDirFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
    @Test
    void compilingTwiceGivesIdenticalBytes() {
        byte[] first = StepsJson.write(Compiles.complete().steps());
        byte[] second = StepsJson.write(Compiles.complete().steps());
        assertThat(second).isEqualTo(first);
    }

    @Test
    void reorderedInputKeysGiveIdenticalBytes(@TempDir Path dir) throws Exception {
        Path reversed = RunDirFixtures.copy("complete", dir);
        String before = Files.readString(reversed.resolve(Compiles.DP));
        KeyOrderReverser.reverseAll(reversed);
        assertThat(Files.readString(reversed.resolve(Compiles.DP)))
                .as("keys really moved")
                .isNotEqualTo(before);
        assertThat(StepsJson.write(Compiles.compile(reversed).steps()))
                .isEqualTo(StepsJson.write(Compiles.complete().steps()));
    }

    @Test
    void reorderedInputKeysGiveIdenticalWarnings(@TempDir Path dir) {
        Path reversed = RunDirFixtures.copy("complete", dir);
        KeyOrderReverser.reverseAll(reversed);
        assertThat(Compiles.compile(reversed).warnings())
                .isEqualTo(Compiles.complete().warnings());
    }
}
