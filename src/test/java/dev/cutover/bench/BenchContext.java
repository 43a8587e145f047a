package dev.cutover.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What a benchmark runs with: the packaged jar, a work folder on the disk under test (run directories, the
 * baseline's journal), a scratch folder for constructed journals (tmpfs when there is one: building a million
 * fsynced lines on a disk would take longer than the benchmark), the quick flag and the figure printer.
 *
 * @param minuteMillis real milliseconds per simulated minute in the window benchmark
 */
record BenchContext(JarRunner runner, Path work, Path scratch, boolean quick, int minuteMillis, Figures figures) {

    /** A fresh (emptied) folder {@code name} under the work folder. */
    Path workDir(String name) {
        return fresh(work.resolve(name));
    }

    /** A fresh (emptied) folder {@code name} under the scratch folder. */
    Path scratchDir(String name) {
        return fresh(scratch.resolve(name));
    }

    static Path fresh(Path dir) {
        try {
            deleteTree(dir);
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
