package dev.cutover.input;

/** The two checklists of a cutover: control plane (containers, Terraform) and data plane (data, DNS swap). */
public enum Plane {
    CP("cp", "control-plane"),
    DP("dp", "data-plane");

    private final String prefix;
    private final String fileStem;

    Plane(String prefix, String fileStem) {
        this.prefix = prefix;
        this.fileStem = fileStem;
    }

    /** The step-id prefix, {@code cp} or {@code dp}. */
    public String prefix() {
        return prefix;
    }

    /** The plane as people name it: {@code control-plane} or {@code data-plane}. */
    public String label() {
        return fileStem;
    }

    /** The JSON checklist file name, e.g. {@code cutover-checklist-control-plane.json}. */
    public String jsonFile() {
        return "cutover-checklist-" + fileStem + ".json";
    }

    /** The signed Markdown checklist file name. */
    public String markdownFile() {
        return "cutover-checklist-" + fileStem + ".md";
    }
}
