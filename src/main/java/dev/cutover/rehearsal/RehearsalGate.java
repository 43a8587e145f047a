package dev.cutover.rehearsal;

import dev.cutover.compile.PlanIdentity;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The production gate (issue 5): a fresh production run needs a successful rehearsal of the same plan on record
 * in its run directory — {@code rehearsal-evidence.json}, or any {@code rehearsals/*.json} — that verifies. When
 * none does, the refusal names what is missing for each file found: none at all, invalid (which check), a
 * different plan (both identities), a failed rehearsal, or rollbacks not exercised.
 */
public final class RehearsalGate {
    private final EvidenceVerifier verifier = new EvidenceVerifier();

    /**
     * What the gate decided.
     *
     * @param passed whether a file satisfies the gate
     * @param message for a pass, which file and what it proves; for a refusal, what is missing
     */
    public record Decision(boolean passed, String message) {}

    /** Looks for evidence of a successful rehearsal of {@code plan} in {@code runDir}. */
    public Decision check(Path runDir, PlanIdentity plan) {
        List<Path> candidates = candidates(runDir);
        if (candidates.isEmpty()) {
            return new Decision(
                    false,
                    "no rehearsal evidence: neither " + RehearsalEvidence.FILE + " nor " + RehearsalEvidence.FOLDER
                            + "/*.json is in this run directory (this plan's identity: " + plan.sha256() + ")");
        }
        List<String> problems = new ArrayList<>();
        for (Path file : candidates) {
            String name = runDir.relativize(file).toString();
            EvidenceVerifier.Result r = verify(file);
            if (!r.valid()) {
                problems.add(name + ": evidence invalid (" + r.check() + " check failed: " + r.message() + ")");
            } else if (!r.planIdentity().equals(plan.sha256())) {
                problems.add(name + ": a rehearsal of a different plan (evidence " + r.planIdentity() + ", this plan "
                        + plan.sha256() + ")");
            } else if (!r.succeeded()) {
                List<String> reasons = new ArrayList<>();
                r.claims().path("reasons").forEach(n -> reasons.add(n.asText()));
                problems.add(name + ": the rehearsal did not succeed: " + String.join("; ", reasons));
            } else {
                return new Decision(
                        true,
                        name + " proves a successful rehearsal of this plan (" + plan.shortForm()
                                + ") in " + r.claims().path("environment").asText() + ", run "
                                + r.claims().path("run_id").asText() + ", ended "
                                + r.claims().path("ended_at").asText() + ", "
                                + r.claims().path("rollbacks_exercised").asInt() + " rollback(s) exercised");
            }
        }
        return new Decision(false, String.join(" | ", problems));
    }

    private EvidenceVerifier.Result verify(Path file) {
        try {
            return verifier.verify(Files.readAllBytes(file));
        } catch (IOException e) {
            return EvidenceVerifier.Result.invalid("layout", "cannot read it: " + e.getMessage());
        }
    }

    /**
     * The evidence files of {@code runDir} the gate looks at: {@code rehearsal-evidence.json}, then
     * {@code rehearsals/*.json} by name (what {@code prepare-pipeline} carries along with the plan).
     */
    public static List<Path> candidates(Path runDir) {
        List<Path> files = new ArrayList<>();
        Path main = runDir.resolve(RehearsalEvidence.FILE);
        if (Files.isRegularFile(main)) {
            files.add(main);
        }
        Path folder = runDir.resolve(RehearsalEvidence.FOLDER);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.list(folder)) {
                s.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new CutoverException(ErrorCode.IO_FAILURE, "cannot list " + folder + ": " + e.getMessage(), e);
            }
        }
        return files;
    }
}
