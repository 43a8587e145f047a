package dev.cutover.journal;

/**
 * Why one line is not a valid journal line; {@code notJson} separates bytes that are not a JSON object at
 * all (what a crash mid-append leaves) from well-formed JSON that breaks the format (an edit or a bug).
 */
final class LineProblem extends Exception {
    private final boolean notJson;

    LineProblem(String message, boolean notJson) {
        super(message, null, false, false); // thrown per bad line; a stack trace would only cost time
        this.notJson = notJson;
    }

    static LineProblem notJson(String message) {
        return new LineProblem(message, true);
    }

    static LineProblem invalid(String message) {
        return new LineProblem(message, false);
    }

    boolean isNotJson() {
        return notJson;
    }
}
