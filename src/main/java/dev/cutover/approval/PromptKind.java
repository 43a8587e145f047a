package dev.cutover.approval;

import java.util.Arrays;
import java.util.Optional;

/** The closed set of questions the engine asks, with the wire names used by answers files and the journal. */
public enum PromptKind {
    /** Per-step approval of the exact command (FORMATS.md §6.2). */
    APPROVE("approve"),
    /** Second confirmation of an irreversible step (§6.2). */
    IRREVERSIBLE("irreversible"),
    /** The control-plane to data-plane handoff (§4.9). */
    HANDOFF("handoff"),
    /**
     * One approver team's sign-off of a phase go/no-go gate; on the wire {@code gate:<team>} (a plain {@code gate}
     * rule answers every team, and a gate that names no team).
     */
    GATE("gate"),
    /** The failure dialog after a failed step, and the poll dialog after three unknown states (§6.5). */
    FAILURE("failure"),
    /** A resume decision for a failed or in-flight step, or a resume confirmation (§6.7). */
    RESUME("resume"),
    /** The go/no-go summary before the walk starts (§6.1). */
    GO_NO_GO("go-no-go"),
    /** {@code cutover rollback}: unwinding one succeeded step with its exact rollback command. */
    ROLLBACK("rollback"),
    /** A runtime parameter or captured value (§4.3); on the wire {@code param:<name>}. */
    PARAM("param");

    private final String wireName;

    PromptKind(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name in answers files; for {@link #PARAM} only the prefix before {@code :<name>}, for {@link #GATE} the
     * plain form without {@code :<team>}.
     */
    public String wireName() {
        return wireName;
    }

    /** The kind whose wire name is exactly {@code text} (case-sensitive, like the answers file format). */
    public static Optional<PromptKind> fromWireName(String text) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(text)).findFirst();
    }
}
