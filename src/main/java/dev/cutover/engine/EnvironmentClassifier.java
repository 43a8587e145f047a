package dev.cutover.engine;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.ChecklistMetadata;
import dev.cutover.input.Environment;
import dev.cutover.input.Inputs;
import dev.cutover.input.OrgConfig;
import dev.cutover.input.Permissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The environment cross-check (docs/environments.md): every account or system of a run must belong to the class
 * {@code cutover.yaml} declares, by id or else by name pattern. One that belongs to another class refuses the
 * run (exit 3, naming both); one the organisation's file does not know makes production's rules apply.
 */
public final class EnvironmentClassifier {
    private EnvironmentClassifier() {}

    /** The plan's source and target accounts as the control-plane checklist names them. */
    public static List<RunIdentity> checklistAccounts(Inputs inputs, String how) {
        ChecklistMetadata m = inputs.controlPlane().metadata();
        return List.of(
                new RunIdentity(m.sourceAccountId(), Optional.empty(), "source account (" + how + ")"),
                new RunIdentity(m.targetAccountId(), Optional.empty(), "target account (" + how + ")"));
    }

    /** Classifies {@code identities}; throws {@link ErrorCode#ENVIRONMENT_MISMATCH} when one belongs elsewhere. */
    public static EnvironmentVerdict classify(
            Environment declared, Optional<OrgConfig> org, List<RunIdentity> identities) {
        if (org.isEmpty()) {
            return new EnvironmentVerdict(declared, Optional.empty(), List.of(), Permissions.builtIn(declared));
        }
        OrgConfig config = org.get();
        List<EnvironmentVerdict.Classified> classified = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (RunIdentity identity : identities) {
            Optional<OrgConfig.Mapping> mapping = mappingOf(config, identity);
            classified.add(new EnvironmentVerdict.Classified(identity, mapping));
            mapping.filter(m -> m.environment() != declared)
                    .ifPresent(m -> mismatches.add(identity.describe() + " belongs to "
                            + m.environment().configName() + " (" + config.file() + " " + m.pointer() + ")"));
        }
        if (!mismatches.isEmpty()) {
            throw new CutoverException(
                    ErrorCode.ENVIRONMENT_MISMATCH,
                    "environment: cutover.yaml declares " + declared.configName() + ", but "
                            + String.join("; ", mismatches) + ". Nothing was executed.");
        }
        Permissions permissions = config.permissions(declared);
        if (classified.stream().anyMatch(c -> c.mapping().isEmpty())) {
            // Unknown accounts are treated as production: the stricter of both rows applies, setting by setting.
            permissions = permissions.stricter(config.permissions(Environment.PRODUCTION));
        }
        return new EnvironmentVerdict(declared, Optional.of(config.file()), classified, permissions);
    }

    /** By id first; else by name pattern, the strictest matching class winning. */
    private static Optional<OrgConfig.Mapping> mappingOf(OrgConfig config, RunIdentity identity) {
        Optional<OrgConfig.Mapping> byId = config.classOfId(identity.id());
        if (byId.isPresent() || identity.name().isEmpty()) {
            return byId;
        }
        List<OrgConfig.Mapping> byName =
                config.classesMatchingName(identity.name().get());
        return byName.isEmpty() ? Optional.empty() : Optional.of(byName.get(byName.size() - 1));
    }
}
