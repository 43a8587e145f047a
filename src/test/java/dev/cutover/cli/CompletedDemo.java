package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A demo run directory whose cutover completed through the CLI, and the edits tests make to it afterwards. */
final class CompletedDemo {
    static final Path APPROVE_ALL = Path.of("examples", "demo-approve-all.txt");

    private CompletedDemo() {}

    /** Runs {@code cutover demo} into {@code dir} with every prompt approved; fails the test unless it completed. */
    static Path in(Path dir) {
        CliRunner.Result demo = CliRunner.run("demo", "--dir", dir.toString(), "--answers", APPROVE_ALL.toString());
        assertThat(demo.exit()).as(demo.out() + demo.err()).isZero();
        return dir;
    }

    /** Points the configuration copy (an approved, executed command) somewhere else in the data-plane checklist. */
    static void retargetConfigCopy(Path dir) throws IOException {
        Path checklist = dir.resolve("cutover-checklist-data-plane.json");
        String original = Files.readString(checklist);
        String edited = original.replace(
                "cp service/source/app.conf service/target/config/app.conf",
                "cp service/source/app.conf service/target/config/other.conf");
        assertThat(edited).as("the demo's config copy command").isNotEqualTo(original);
        Files.writeString(checklist, edited);
    }
}
