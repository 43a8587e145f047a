package dev.cutover.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.cutover.error.Problem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says in the operator's words why a JSON or YAML file does not parse, where, and what to do: the parser's own
 * message for plain syntax errors, and a sentence of ours where the parser speaks of its internals (its size
 * limits, its data-binding features, its class names).
 */
final class SyntaxProblems {
    /** How Jackson's strict duplicate detection starts its message; the key follows, then a quote. */
    private static final String DUPLICATE_KEY = "Duplicate field '";

    private static final String TRAILING = "Trailing token";

    /** A size limit's message: what, how much was found, and the maximum ({@code ... (1001) ... (1000, from `...`)}). */
    private static final Pattern LIMIT =
            Pattern.compile("^(\\w[\\w ]*?) \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

    /** Parser internals a message may name: a {@code (from `...`)} aside, or a back-quoted Java or Jackson name. */
    private static final Pattern INTERNALS =
            Pattern.compile(" ?\\(from `[^`]*`\\)| ?\\(bound as `[^`]*`\\)|`?(?:com\\.fasterxml|java)\\.[\\w.$]+`?");

    private SyntaxProblems() {}

    static Problem of(String fileName, String format, JsonProcessingException e) {
        String where = where(e.getLocation());
        String message = String.valueOf(e.getOriginalMessage());
        int keyEnd = message.indexOf('\'', DUPLICATE_KEY.length());
        if (message.startsWith(DUPLICATE_KEY) && keyEnd > 0) {
            String key = message.substring(DUPLICATE_KEY.length(), keyEnd);
            return new Problem(
                    fileName,
                    "",
                    "is not valid " + format + where + ": the key `" + key + "` appears twice in the same object",
                    "keep one `" + key + "` and delete the other (the repeat is" + where
                            + "); Cutover never picks one of two values for you");
        }
        if (e instanceof StreamConstraintsException) {
            return tooLarge(fileName, format, where, message);
        }
        if (message.startsWith(TRAILING)) {
            return new Problem(
                    fileName,
                    "",
                    "is not valid " + format + where + ": more content follows the end of the document",
                    "delete everything after the document's closing bracket or brace" + where
                            + " (one document per file)");
        }
        // Parser messages span several lines (YAML adds indented source excerpts); keep the statements only.
        String detail = message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(line -> INTERNALS.matcher(line).replaceAll(""))
                .collect(Collectors.joining("; "));
        return new Problem(
                fileName,
                "",
                "is not valid " + format + where + ": " + detail,
                "repair the " + format + " syntax" + where + " (often a missing comma, quote or bracket)");
    }

    /** One of the parser's size limits, which no planner file comes near: nesting, number length, text length. */
    private static Problem tooLarge(String fileName, String format, String where, String message) {
        Matcher m = LIMIT.matcher(message);
        if (!m.find()) {
            return new Problem(
                    fileName,
                    "",
                    "is too large to read" + where + ": "
                            + INTERNALS.matcher(message).replaceAll(""),
                    "replace it with the planner's `" + fileName + "`");
        }
        String what = m.group(1).toLowerCase(java.util.Locale.ROOT);
        String found = m.group(2);
        String limit = m.group(3);
        String said;
        String fix;
        if (what.contains("nesting")) {
            said = "arrays and objects are nested " + found + " levels deep, more than the " + limit + " Cutover reads";
            fix = "replace it with the planner's `" + fileName + "`; no planner file nests more than a few levels";
        } else if (what.contains("number")) {
            said = "a number has " + found + " digits, more than the " + limit + " Cutover reads";
            fix = "shorten the number" + where + " to at most " + limit + " digits; no field Cutover reads needs"
                    + " more than ten";
        } else if (what.contains("name")) {
            said = "a key is " + found + " characters long, more than the " + limit + " Cutover reads";
            fix = "shorten the key" + where + " to at most " + limit + " characters";
        } else {
            said = "a text value is " + found + " characters long, more than the " + limit + " Cutover reads";
            fix = "shorten the value" + where + " to at most " + limit + " characters";
        }
        return new Problem(fileName, "", "is not valid " + format + where + ": " + said, fix);
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() <= 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
