package dev.cutover.input;

/** Where in a checklist phase an item sits; the order of the constants is the canonical compile order. */
public enum ChecklistSection {
    PRE_CUTOVER("pre_cutover"),
    DURING_CUTOVER("during_cutover"),
    POST_CUTOVER("post_cutover");

    private final String jsonName;

    ChecklistSection(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The JSON array name, e.g. {@code pre_cutover}. */
    public String jsonName() {
        return jsonName;
    }
}
