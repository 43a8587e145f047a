package dev.cutover.cli;

import dev.cutover.error.ErrorCode;

/** Renders the error catalogue page {@code docs/errors.md} from {@link ErrorCode}. */
public final class ErrorCatalogue {
    private ErrorCatalogue() {}

    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Error catalogue\n\n")
                .append("Generated from `dev.cutover.error.ErrorCode`; `ErrorCatalogueTest` fails when this page is ")
                .append(
                        "stale (regenerate with `./mvnw test -Dtest=ErrorCatalogueTest -Dcutover.updateDocs=true`).\n\n")
                .append("Exit codes: 0 completed / succeeded · 1 halted or a step failed · 2 invalid input or usage, ")
                .append("nothing executed · 3 refused by pre-flight or policy · 4 another live run holds the lock · ")
                .append("5 aborted by the operator · 6 journal or plan conflict · 70 bug.\n\n")
                .append("| code | exit | cause | what to do |\n")
                .append("|---|---|---|---|\n");
        for (ErrorCode c : ErrorCode.values()) {
            md.append("| `")
                    .append(c.name())
                    .append("` | ")
                    .append(c.exitCode())
                    .append(" | ")
                    .append(c.cause())
                    .append(" | ")
                    .append(c.fix().replace("|", "\\|"))
                    .append(" |\n");
        }
        return md.toString();
    }
}
