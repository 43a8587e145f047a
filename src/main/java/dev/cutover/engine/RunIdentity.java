package dev.cutover.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * An account or system a run acts on, as the environment cross-check classifies it.
 *
 * @param id the AWS account id or system id
 * @param name the account alias or system name, when a probe reported one
 * @param role what it is and how it is known, e.g. {@code target account (from the checklists)}
 */
public record RunIdentity(String id, Optional<String> name, String role) {
    public RunIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** {@code role id} or {@code role id (name)}. */
    public String describe() {
        return role + " " + id + name.map(n -> " (" + n + ")").orElse("");
    }
}
