package dev.cutover.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.app.CompileService;
import dev.cutover.app.RehearsalService;
import dev.cutover.engine.RunResult;
import dev.cutover.rehearsal.RehearsalEvidence;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rehearsal evidence for tests of production runs: the production run directory's inputs copied into a staging
 * run directory pointed at other accounts, rehearsed for real (execute, then the reverse rollback), and its
 * evidence carried back — exactly what an operator does (docs/rehearsal.md).
 */
public final class Rehearsals {
    /** The demo's accounts and the staging accounts a rehearsal copy is pointed at instead. */
    public static final String[][] STAGING_ACCOUNTS = {
        {"000000000001", "000000000101"}, {"000000000002", "000000000102"}
    };

    /** A production cutover.yaml for the demo: every gate team mapped, polls at the production minimum. */
    public static final String DEMO_PRODUCTION =
            "environment: production\nallowed_programs: [bash, cat, cmp, cp, diff, grep, ln,"
                    + " mkdir, readlink, rm, sha256sum, test, touch, true]\npoll_interval_seconds: 10\napprovers:\n"
                    + "  platform: [tester]\n";

    private Rehearsals() {}

    /**
     * A staging copy of {@code production}'s inputs in {@code stagingDir}: same checklists, other accounts,
     * {@code environment: staging}; nothing has run in it.
     */
    public static Scenario stagingCopy(Scenario production, Path stagingDir) {
        Scenario staging = copyInputs(production, stagingDir);
        try (Stream<Path> files = Files.list(stagingDir)) {
            for (Path f : files.filter(
                            p -> p.toString().endsWith(".json") || p.toString().endsWith(".md"))
                    .toList()) {
                String text = Files.readString(f);
                for (String[] pair : STAGING_ACCOUNTS) {
                    text = text.replace(pair[0], pair[1]);
                }
                Files.writeString(f, text);
            }
            Path config = stagingDir.resolve("cutover.yaml");
            String yaml = Files.exists(config) ? Files.readString(config) : "";
            yaml = yaml.replaceAll("(?m)^environment:.*$", "").strip();
            Files.writeString(config, "environment: staging\n" + yaml + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return staging;
    }

    /** Rehearses {@code production}'s plan in a staging copy and copies the evidence into {@code production}. */
    public static Path rehearseAndCarry(Scenario production, Path stagingDir) {
        Outcome r = rehearse(stagingCopy(production, stagingDir), new ScriptedApprover());
        assertThat(r.result().exitCode())
                .as("%s%n%s", r.result().verified(), r.run().output())
                .isZero();
        return carry(r.evidence(), production.dir());
    }

    /** Runs {@code cutover rehearse} in-process in {@code s} (the approver plays the terminal). */
    public static Outcome rehearse(Scenario s, ScriptedApprover approver) {
        return rehearse(s, approver, false);
    }

    /** {@code cutover rehearse}, or with {@code resume} {@code cutover rehearse --resume}; checks the journal. */
    public static Outcome rehearse(Scenario s, ScriptedApprover approver, boolean resume) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        RehearsalService.Result result = new RehearsalService(
                        new CompileService(), s.engine(approver, out), s.endOfRun())
                .rehearse(s.request(resume), Optional.empty());
        out.flush();
        RunResult last = result.rollback() != null ? result.rollback().run() : result.execute();
        return new Outcome(result, RunOutcome.of(last, s.dir(), approver, s.sleeper(), text.toString()));
    }

    /** What {@link #rehearse} produced: the service's result and the run as a {@link RunOutcome}. */
    public record Outcome(RehearsalService.Result result, RunOutcome run) {
        public Path evidence() {
            return result.evidence();
        }
    }

    /** A copy of {@code s}'s run directory (inputs and service; run it before anything ran) in {@code target}. */
    public static Scenario copyInputs(Scenario s, Path target) {
        try (Stream<Path> files = Files.walk(s.dir())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(s.dir().relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(to, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
            return Scenario.at(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies evidence into a run directory as {@code rehearsal-evidence.json}. */
    public static Path carry(Path evidence, Path runDir) {
        try {
            return Files.copy(evidence, runDir.resolve(RehearsalEvidence.FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
