package dev.cutover.error;

import java.util.regex.Pattern;

/**
 * A path or value written into a command the operator is told to run next (an error's fix, a {@code next:}
 * line, a report's next steps), quoted for a POSIX shell. It lives with the errors because every layer writes
 * such commands into its messages. Those lines are meant to be pasted: a run directory with a space would split into two words, one with {@code $X}
 * would expand, and the pasted command would act on another folder.
 */
public final class ShellWord {
    private static final Pattern SHELL_SAFE = Pattern.compile("^[A-Za-z0-9/._:@+=,-]+$");

    private ShellWord() {}

    /** The word as is when it needs no quoting, otherwise in single quotes (a {@code '} inside becomes {@code '\''}). */
    public static String quote(String word) {
        if (SHELL_SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
