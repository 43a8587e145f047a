package dev.cutover.process;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./cutover} launcher as operators run it (real bash, the packaged jar): its class-data sharing
 * archive is made once per jar in the user's cache, and a missing, damaged or unusable archive never changes what
 * a run prints or how it exits.
 */
class LauncherProcessIT {
    @TempDir
    Path tmp;

    @Test
    void makesTheArchiveOnceInTheCacheAndPrintsExactlyWhatTheJarPrints() throws Exception {
        Path cache = tmp.resolve("cache");
        String expected = plainVersion();

        CutoverProcess.Result first = launch(cache, Map.of(), "--version");
        CutoverProcess.Result second = launch(cache, Map.of(), "--version");

        assertThat(first.exit()).isZero();
        assertThat(first.out()).isEqualTo(expected);
        assertThat(first.err())
                .contains("preparing a class-data sharing archive")
                .contains("archive ready");
        assertThat(archives(cache)).hasSize(1);
        assertThat(second.exit()).isZero();
        assertThat(second.out()).isEqualTo(expected);
        assertThat(second.err()).isEmpty();
        try (Stream<Path> checkout = Files.walk(Path.of("target"), 1)) {
            assertThat(checkout.filter(p -> p.toString().endsWith(".jsa"))).isEmpty();
        }
    }

    @Test
    void theArchiveHoldsTheCommandLineCoreAndTheStatusPath() throws Exception {
        Path cache = tmp.resolve("cache");
        launch(cache, Map.of(), "--version");
        Path classLog = tmp.resolve("classes.log");

        CutoverProcess.Result status = launch(
                cache,
                Map.of("CUTOVER_JAVA_OPTS", "-Xlog:class+load:file=" + classLog),
                "status",
                "--run-dir",
                tmp.toString());

        assertThat(status.exit()).isEqualTo(2);
        List<String> loaded = Files.readAllLines(classLog);
        // picocli is Java 5 bytecode: a lambda typed by one of its interfaces, linked while the archive is made,
        // silently keeps these out of it (see CutoverCli.ExitCodes).
        for (String name :
                List.of("picocli.CommandLine", "dev.cutover.cli.CutoverCli", "dev.cutover.app.StatusService")) {
            assertThat(loaded.stream().filter(line -> line.contains(" " + name + " source: ")))
                    .as("where %s was loaded from", name)
                    .singleElement(as(InstanceOfAssertFactories.STRING))
                    .endsWith(" source: shared objects file");
        }
    }

    @Test
    void aDamagedOrTruncatedArchiveIsNeverHandedToJava() throws Exception {
        Path cache = tmp.resolve("cache");
        String expected = plainVersion();
        assertThat(launch(cache, Map.of(), "--version").exit()).isZero();
        Path archive = archives(cache).get(0);
        byte[] good = Files.readAllBytes(archive);
        archive.toFile().setWritable(true);

        byte[] garbage = new byte[good.length];
        java.util.Arrays.fill(garbage, (byte) 0x5a);
        Files.write(archive, garbage);
        CutoverProcess.Result damaged = launch(cache, Map.of(), "--version");
        Files.write(archive, java.util.Arrays.copyOf(good, good.length / 3));
        CutoverProcess.Result truncated = launch(cache, Map.of(), "--version");

        assertThat(damaged.exit()).isZero();
        assertThat(damaged.out()).isEqualTo(expected);
        assertThat(damaged.err()).isEmpty();
        assertThat(truncated.exit()).isZero();
        assertThat(truncated.out()).isEqualTo(expected);
        // A truncated archive would crash the JVM while mapping it: it is recognised by its size and made anew.
        assertThat(truncated.err()).contains("preparing a class-data sharing archive");
        assertThat(archives(cache)).hasSize(1);
        Path remade = archives(cache).get(0);
        assertThat(remade.getFileName().toString()).endsWith("." + Files.size(remade) + ".jsa");
    }

    @Test
    void runsWithoutAnArchiveWhenTurnedOffOrWhenTheCacheCannotBeWritten() throws Exception {
        String expected = plainVersion();
        Path cache = tmp.resolve("cache");
        Path notAFolder = Files.writeString(tmp.resolve("file"), "x");

        CutoverProcess.Result off = launch(cache, Map.of("CUTOVER_CDS", "off"), "--version");
        CutoverProcess.Result unwritable = launch(notAFolder, Map.of(), "--version");

        assertThat(off.exit()).isZero();
        assertThat(off.out()).isEqualTo(expected);
        assertThat(off.err()).isEmpty();
        assertThat(cache).doesNotExist();
        assertThat(unwritable.exit()).isZero();
        assertThat(unwritable.out()).isEqualTo(expected);
    }

    @Test
    void passesArgumentsAndTheExitCodeThrough() throws Exception {
        CutoverProcess.Result result =
                launch(tmp.resolve("cache"), Map.of("CUTOVER_CDS", "off"), "status", "--run-dir", tmp.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("no journal in " + tmp);
    }

    @Test
    void aDeletedWorkingDirectoryIsAUsageErrorNamedByTheLauncherNotAJvmStartFailure() throws Exception {
        Path gone = tmp.resolve("gone");
        // The shell enters the folder, which is then removed under it: the JVM could not start there (exit 1).
        List<String> cmd = List.of(
                "bash",
                "-c",
                "mkdir \"$1\" && cd \"$1\" && rmdir \"$1\" && exec bash \"$2\" status --run-dir \"$3\"",
                "launch",
                gone.toString(),
                Path.of("cutover").toAbsolutePath().toString(),
                tmp.toString());
        Map<String, String> env = Map.of(
                "CUTOVER_CDS",
                "off",
                "PATH",
                Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));

        CutoverProcess.Result result =
                CutoverProcess.startRaw(tmp.resolve("out"), cmd, env).awaitExit();

        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.err())
                .contains("cutover: the current directory " + gone + " no longer exists")
                .doesNotContain("initialization of VM");
    }

    private CutoverProcess.Result launch(Path cache, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(
                List.of("bash", Path.of("cutover").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("XDG_CACHE_HOME", cache.toString());
        all.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
        return CutoverProcess.startRaw(tmp.resolve("out"), cmd, all).awaitExit();
    }

    private String plainVersion() throws Exception {
        CutoverProcess.Result plain = CutoverProcess.startRaw(
                        tmp.resolve("out"), CutoverProcess.command(List.of(), "--version"), Map.of())
                .awaitExit();
        assertThat(plain.exit()).isZero();
        return plain.out();
    }

    private static List<Path> archives(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("cutover"))) {
            return files.filter(p -> p.toString().endsWith(".jsa")).toList();
        }
    }
}
