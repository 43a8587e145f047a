package dev.cutover.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmarks of issue 7, run by {@code bench/run} against the packaged jar; not shipped in it. Usage:
 * {@code Bench --jar JAR --work DIR [--quick] [--minute-ms N] [name...]}; names: window, overhead, replay,
 * compile, memory, startup (default: all, in that order). Prints one line per figure (docs/performance.md).
 */
public final class Bench {
    private static final List<Benchmark> ALL = List.of(
            new WindowBench(),
            new OverheadBench(),
            new ReplayBench(),
            new CompileBench(),
            new MemoryBench(),
            new StartupBench());

    private Bench() {}

    public static void main(String[] args) throws Exception {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        try {
            System.exit(run(args, out));
        } catch (IllegalArgumentException e) {
            out.println("bench: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] args, PrintWriter out) throws Exception {
        Options o = Options.parse(args);
        Map<String, Benchmark> byName = new LinkedHashMap<>();
        ALL.forEach(b -> byName.put(b.name(), b));
        List<Benchmark> chosen = new ArrayList<>();
        for (String name : o.names().isEmpty() ? List.copyOf(byName.keySet()) : o.names()) {
            Benchmark b = byName.get(name);
            if (b == null) {
                throw new IllegalArgumentException("no benchmark " + name + "; known: " + byName.keySet());
            }
            chosen.add(b);
        }
        Figures figures = new Figures(out);
        Path scratchRoot = scratchRoot(o.work());
        Path scratch = Files.createTempDirectory(scratchRoot, "cutover-bench-");
        figures.comment(String.format(
                Locale.ROOT,
                "cutover benchmarks%s: java %s, %d cores, jar %s, work %s, scratch %s",
                o.quick() ? " (--quick: smaller sizes, figures are a smoke test only)" : "",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                o.jar(),
                o.work(),
                scratchRoot));
        JarRunner.Run prepared = new JarRunner(
                        o.jar(), BenchContext.fresh(o.work().resolve("logs").resolve("launcher")))
                .prepareLauncher();
        figures.comment(String.format(
                Locale.ROOT,
                "every run goes through ./cutover (its JVM options and class-data sharing archive; first run of this"
                        + " jar took %.1f s)",
                prepared.millis() / 1e3));
        int failures = 0;
        try {
            for (Benchmark b : chosen) {
                failures += runOne(b, o, scratch, figures);
            }
        } finally {
            BenchContext.deleteTree(scratch);
        }
        return failures == 0 ? 0 : 1;
    }

    private static int runOne(Benchmark b, Options o, Path scratch, Figures figures) throws IOException {
        long started = System.nanoTime();
        JarRunner runner = new JarRunner(
                o.jar(), BenchContext.fresh(o.work().resolve("logs").resolve(b.name())));
        BenchContext ctx = new BenchContext(runner, o.work(), scratch, o.quick(), o.minuteMillis(), figures);
        try {
            b.run(ctx);
            return 0;
        } catch (Exception | Error e) {
            figures.comment(b.name() + " FAILED: " + e);
            e.printStackTrace(System.err);
            return 1;
        } finally {
            figures.comment(
                    String.format(Locale.ROOT, "%s took %.1f s", b.name(), (System.nanoTime() - started) / 1e9));
        }
    }

    /**
     * tmpfs for constructed journals when there is one with room for them (their fsyncs are not what is
     * measured; the million-entry journal is about 400 MB), else the work folder, where writing them is slow.
     */
    private static Path scratchRoot(Path work) throws IOException {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm)
                && Files.isWritable(shm)
                && Files.getFileStore(shm).getUsableSpace() > 1L << 30) {
            return shm;
        }
        return Files.createDirectories(work.resolve("scratch"));
    }

    /** Command-line options. */
    record Options(Path jar, Path work, boolean quick, int minuteMillis, List<String> names) {
        static Options parse(String[] args) {
            Path jar = Path.of("target", "cutover.jar");
            Path work = Path.of("target", "bench");
            boolean quick = false;
            Integer minute = null;
            List<String> names = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--jar" -> jar = Path.of(value(args, ++i));
                    case "--work" -> work = Path.of(value(args, ++i));
                    case "--quick" -> quick = true;
                    case "--minute-ms" -> minute = Integer.parseInt(value(args, ++i));
                    default -> {
                        if (args[i].startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        names.add(args[i]);
                    }
                }
            }
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("no jar at " + jar + "; build it with ./mvnw -DskipTests package");
            }
            // --quick shrinks the simulated minute too (a smoke test, not a figure), unless it is given.
            int minuteMillis = minute != null ? minute : quick ? 2 : 10;
            return new Options(jar.toAbsolutePath(), work.toAbsolutePath(), quick, minuteMillis, List.copyOf(names));
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }
}
