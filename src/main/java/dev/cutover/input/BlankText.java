package dev.cutover.input;

/**
 * Whether a name a person wrote draws anything a reader sees. A name of Unicode spaces (U+00A0, U+2003, U+3000,
 * …), control, zero-width or other format characters, lone combining marks or blank fillers looks empty on every
 * screen, so wherever a name must identify someone — a sign-off line (FORMATS.md §5), a gate's approver team — such
 * a name counts as blank.
 */
public final class BlankText {
    /**
     * Fillers that draw nothing although Unicode does not class them as space or format characters (Hangul fillers,
     * the blank Braille pattern).
     */
    private static final String BLANK_LETTERS = "\u115F\u1160\u3164\uFFA0\u2800";

    private BlankText() {}

    /** Whether {@code text} draws nothing: empty, or only characters that {@link #draws} says are invisible. */
    public static boolean isBlank(String text) {
        return text.codePoints().noneMatch(BlankText::draws);
    }

    /** Whether the code point {@code cp} draws something a reader sees. */
    public static boolean draws(int cp) {
        return !Character.isWhitespace(cp)
                && !Character.isSpaceChar(cp)
                && BLANK_LETTERS.indexOf(cp) < 0
                && switch (Character.getType(cp)) {
                    case Character.CONTROL,
                            Character.FORMAT,
                            Character.UNASSIGNED,
                            Character.SURROGATE,
                            Character.PRIVATE_USE,
                            Character.NON_SPACING_MARK,
                            Character.ENCLOSING_MARK,
                            Character.COMBINING_SPACING_MARK -> false;
                    default -> true;
                };
    }
}
