package dev.cutover.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What real bash makes of a command line an operator pastes: the words it passes to the command, in order. */
public final class BashWords {
    private BashWords() {}

    /** The arguments bash gives a command whose arguments are {@code line}, after quoting and expansions. */
    public static List<String> of(String line) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", "printf '%s\\0' " + line)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("bash refused the line: " + line + "\n" + out);
        }
        List<String> words = new ArrayList<>(Arrays.asList(out.split("\0", -1)));
        words.remove(words.size() - 1); // printf ends every word with a NUL: what follows the last one is empty
        return words;
    }
}
