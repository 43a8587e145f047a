package dev.cutover.journal;

/**
 * The notes convention for the confirmations a step asks after its approval and before its command runs
 * (FORMATS.md §6.2): an irreversible step's re-confirmation, then the point of no return's crossing. The
 * approval bound to the command says how many follow ({@code confirmations due: 2 (…)}); each confirmation is
 * its own {@code approved}. Resume reads it: a step whose last {@code approved} still awaits a confirmation
 * never started its command, so it is asked again from the start, not re-verified (docs/resume.md).
 */
public final class SecondConfirmations {
    /** Notes of the {@code approved} that re-confirms an irreversible step (FORMATS.md §6.2). */
    public static final String IRREVERSIBLE = "irreversible re-confirmation";

    /** Notes of the {@code approved} that confirms crossing the plan's point of no return. */
    public static final String POINT_OF_NO_RETURN = "point of no return crossing confirmed";

    private static final String DUE = "confirmations due: ";

    private SecondConfirmations() {}

    /**
     * The notes part an approval carries when confirmations follow it, e.g. {@code confirmations due: 2
     * (irreversible re-confirmation, point of no return crossing confirmed)}; {@code null} when none follow.
     */
    public static String dueNote(boolean irreversible, boolean pointOfNoReturn) {
        if (!irreversible && !pointOfNoReturn) {
            return null;
        }
        if (irreversible && pointOfNoReturn) {
            return DUE + "2 (" + IRREVERSIBLE + ", " + POINT_OF_NO_RETURN + ")";
        }
        return DUE + "1 (" + (irreversible ? IRREVERSIBLE : POINT_OF_NO_RETURN) + ")";
    }

    /** How many confirmations an {@code approved} entry's notes announce; 0 when they announce none. */
    public static int dueIn(String notes) {
        if (notes == null) {
            return 0;
        }
        for (String part : notes.split(";")) {
            String p = part.strip();
            if (p.startsWith(DUE)) {
                int end = p.indexOf(' ', DUE.length());
                try {
                    return Math.max(0, Integer.parseInt(p.substring(DUE.length(), end < 0 ? p.length() : end)));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /** Whether an {@code approved} entry's notes record one of the confirmations (they lead its notes). */
    public static boolean isConfirmation(String notes) {
        return notes != null && (notes.startsWith(IRREVERSIBLE) || notes.startsWith(POINT_OF_NO_RETURN));
    }
}
