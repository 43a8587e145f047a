package dev.cutover.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.rehearsal.RehearsalEvidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private Rehearsals() {}

    /**
     * A staging copy of {@code production}'s inputs in {@code stagingDir}: same checklists, other accounts,
     * {@code environment: staging}; nothing has run in it.
     */
    public static Scenario stagingCopy(Scenario production, Path stagingDir) {
        Scenario staging = production.copyInputsTo(stagingDir);
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
        Scenario.RehearsalOutcome r = stagingCopy(production, stagingDir).rehearse(new ScriptedApprover());
        assertThat(r.result().exitCode())
                .as("%s%n%s", r.result().verified(), r.run().output())
                .isZero();
        return carry(r.evidence(), production.dir());
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
