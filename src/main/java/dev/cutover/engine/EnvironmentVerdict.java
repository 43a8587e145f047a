package dev.cutover.engine;

import dev.cutover.input.Environment;
import dev.cutover.input.OrgConfig;
import dev.cutover.input.Permissions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of the environment cross-check (docs/environments.md): the class {@code cutover.yaml} declares, how
 * each account or system of the run is classified, and the permissions that apply — the declared class's, made
 * stricter by production's when any account is not mapped.
 *
 * @param declared the class {@code cutover.yaml} declares (production when absent)
 * @param orgFile the organisation's file, empty when none was given (then nothing is cross-checked)
 * @param identities every account or system and the class the file maps it to (empty: not mapped)
 * @param permissions the permissions that apply to this run
 */
public record EnvironmentVerdict(
        Environment declared, Optional<Path> orgFile, List<Classified> identities, Permissions permissions) {
    public EnvironmentVerdict {
        Objects.requireNonNull(declared, "declared");
        Objects.requireNonNull(orgFile, "orgFile");
        identities = List.copyOf(identities);
        Objects.requireNonNull(permissions, "permissions");
    }

    /** One account or system and where the organisation's file puts it. */
    public record Classified(RunIdentity identity, Optional<OrgConfig.Mapping> mapping) {}

    /** The accounts and systems the organisation's file does not map: production rules apply because of them. */
    public List<RunIdentity> unmapped() {
        return identities.stream()
                .filter(c -> c.mapping().isEmpty())
                .map(Classified::identity)
                .toList();
    }

    /** Whether production's rules apply although another class was declared. */
    public boolean productionRulesApplied() {
        return declared != Environment.PRODUCTION && !unmapped().isEmpty();
    }

    /** Where the permissions come from, for messages. */
    public String source() {
        return orgFile.map(f -> "environments file " + f).orElse("the built-in matrix, no organisation file");
    }

    /** The class the rules are those of: the declared one, or production because of unmapped accounts. */
    public String rulesOf() {
        return productionRulesApplied()
                ? declared.configName() + " with production rules (not mapped: "
                        + unmapped().stream().map(RunIdentity::id).collect(Collectors.joining(", ")) + ")"
                : declared.configName();
    }

    /** One line for pre-flight and dry runs. */
    public String summary() {
        String checked = orgFile.isEmpty()
                ? "accounts not cross-checked (no organisation file)"
                : identities.stream()
                        .map(c -> c.identity().describe() + " -> "
                                + c.mapping()
                                        .map(m -> m.environment().configName())
                                        .orElse("not mapped"))
                        .collect(Collectors.joining("; "));
        return rulesOf() + ": " + permissions.describe() + "; " + checked + "; from " + source();
    }
}
