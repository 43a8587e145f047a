package dev.cutover.engine;

import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a gate signature is written in, and read back from, the journal: a run-level {@code approved} whose notes
 * start {@code gate <key> (<phase name>): signed for team <team>}.
 */
final class GateSignatures {
    /** The team a gate without named approvers is signed for. */
    static final String UNNAMED_TEAM = "(no approver team named)";

    private static final Pattern NOTES = Pattern.compile("^gate (\\S+) \\(.*?\\): signed for team (.+?)(?:;|$)");

    private GateSignatures() {}

    static String notes(String gateKey, String phaseName, String team) {
        return "gate " + gateKey + " (" + phaseName + "): signed for team " + team;
    }

    static String key(String gateKey, String team) {
        return gateKey + "|" + team;
    }

    /** Every signature in run-level entries, as {@link #key}. */
    static Set<String> signedIn(List<JournalEntry> runLevel) {
        Set<String> keys = new HashSet<>();
        for (JournalEntry e : runLevel) {
            if (e.event() == JournalEvent.APPROVED && e.notes() != null) {
                Matcher m = NOTES.matcher(e.notes());
                if (m.find()) {
                    keys.add(key(m.group(1), m.group(2)));
                }
            }
        }
        return keys;
    }
}
