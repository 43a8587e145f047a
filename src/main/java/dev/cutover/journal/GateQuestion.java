package dev.cutover.journal;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the walk journals a go/no-go gate signature it asks for (docs/journal.md): the closed event list has no gate
 * event, so the question is a run-level {@code approval-requested} with notes {@code gate <key> (<phase name>):
 * signature asked for team <team>}, written just before the question is put; the run-level {@code approved}
 * (signed) or {@code aborted} that follows answers it. Status reads the open question from it: the entries before
 * it (a criterion checked, another team's signature) say nothing about a question waiting. Like every run-level
 * entry it changes no step state, count, verdict or resume decision; journals written before it existed have none.
 *
 * @param gateKey the gate's key, plane prefix and phase number ({@code cp6}, {@code dp4}), as signatures name it
 * @param phaseName the gated phase's name
 * @param team the approver team asked to sign
 */
public record GateQuestion(String gateKey, String phaseName, String team) {
    private static final Pattern NOTES = Pattern.compile("^gate (\\S+) \\((.*)\\): signature asked for team (.+)$");
    private static final Pattern KEY = Pattern.compile("^(cp|dp)(\\d+)$");

    public GateQuestion {
        Objects.requireNonNull(gateKey, "gateKey");
        Objects.requireNonNull(phaseName, "phaseName");
        Objects.requireNonNull(team, "team");
    }

    /** The run-level draft to append before the question is put. */
    public EntryDraft draft() {
        return EntryDraft.runLevel(JournalEvent.APPROVAL_REQUESTED)
                .withNotes("gate " + gateKey + " (" + phaseName + "): signature asked for team " + team);
    }

    /** The question {@code entry} records, if it records one. */
    public static Optional<GateQuestion> of(JournalEntry entry) {
        if (!entry.isRunLevel() || entry.event() != JournalEvent.APPROVAL_REQUESTED || entry.notes() == null) {
            return Optional.empty();
        }
        Matcher m = NOTES.matcher(entry.notes());
        return m.matches() ? Optional.of(new GateQuestion(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    /** How people name the gate, {@code data-plane phase 4 (Cutover)}; a key of another shape is shown as it is. */
    public String where() {
        Matcher m = KEY.matcher(gateKey);
        if (!m.matches()) {
            return "gate " + gateKey + " (" + phaseName + ")";
        }
        String plane = m.group(1).equals("cp") ? "control-plane" : "data-plane";
        return plane + " phase " + m.group(2) + " (" + phaseName + ")";
    }
}
