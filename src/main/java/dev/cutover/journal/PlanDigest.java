package dev.cutover.journal;

import dev.cutover.digest.Sha256;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which plan a run walks: the SHA-256 of the {@code execution-steps.json} bytes, recorded as the part {@code plan
 * sha256=<64 hex>} of every lock entry's notes (docs/journal.md). The stored steps file matching the inputs is not
 * enough to continue a run — both can be replaced together — so resume and rollback also hold the plan to the
 * digest the journal recorded when the run started. Writer and readers use this one class, so the note has one
 * format.
 *
 * @param sha256 lowercase hex SHA-256 of the steps file's bytes
 */
public record PlanDigest(String sha256) {
    /** What starts the part of a lock entry's notes ({@code ; }-separated) that records the plan. */
    public static final String PREFIX = "plan sha256=";

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public PlanDigest {
        Objects.requireNonNull(sha256, "sha256");
        if (!HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a plan digest is 64 lowercase hex digits: " + sha256);
        }
    }

    /** The digest of the steps file's exact bytes. */
    public static PlanDigest of(byte[] stepsJson) {
        return new PlanDigest(Sha256.hex(stepsJson));
    }

    /** The part a lock entry's notes carry: {@code plan sha256=<hex>}. */
    public String note() {
        return PREFIX + sha256;
    }

    /** The first 12 hex digits, for messages. */
    public String shortForm() {
        return sha256.substring(0, 12);
    }

    /** The digest one lock entry's notes record, if a whole part of them is {@link #note()}-shaped. */
    static Optional<PlanDigest> in(String notes) {
        if (notes == null) {
            return Optional.empty();
        }
        for (String part : notes.split(";")) {
            String p = part.strip();
            if (p.startsWith(PREFIX)
                    && HEX.matcher(p.substring(PREFIX.length())).matches()) {
                return Optional.of(new PlanDigest(p.substring(PREFIX.length())));
            }
        }
        return Optional.empty();
    }

    /**
     * The plan the run started with: the digest of its first lock entry that records one. A run started before
     * Cutover recorded it has none in its first entry; then the first session that did record one is the reference
     * (it passed the stored-plan check before writing it). Empty when no lock entry records a digest.
     */
    public static Optional<Recorded> startedWith(List<JournalEntry> entries) {
        for (JournalEntry e : entries) {
            if (e.event() == JournalEvent.LOCK_ACQUIRED || e.event() == JournalEvent.LOCK_TAKEN_OVER_FROM_STALE) {
                Optional<PlanDigest> d = in(e.notes());
                if (d.isPresent()) {
                    return Optional.of(new Recorded(d.get(), e.entryId()));
                }
            }
        }
        return Optional.empty();
    }

    /** A digest as the journal recorded it, with the entry that did. */
    public record Recorded(PlanDigest digest, String entryId) {}
}
