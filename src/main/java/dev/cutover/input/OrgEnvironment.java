package dev.cutover.input;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One environment class as the organisation's {@code environments.yaml} describes it: which accounts and systems
 * belong to it, and the permission settings it overrides (absent ones keep the built-in defaults).
 *
 * @param accounts 12-digit AWS account ids
 * @param systemIds ids a non-AWS identity probe prints for systems of this class
 * @param accountNamePatterns globs ({@code *}, {@code ?}, case-insensitive) on the account alias or system name a
 *     probe reports
 */
public record OrgEnvironment(
        List<String> accounts,
        List<String> systemIds,
        List<String> accountNamePatterns,
        Optional<ApprovalMode> approval,
        Optional<DirectMutation> directMutation,
        Optional<AnswersFiles> answersFile,
        Optional<Boolean> rehearsalRequired) {
    public OrgEnvironment {
        accounts = List.copyOf(accounts);
        systemIds = List.copyOf(systemIds);
        accountNamePatterns = List.copyOf(accountNamePatterns);
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(directMutation, "directMutation");
        Objects.requireNonNull(answersFile, "answersFile");
        Objects.requireNonNull(rehearsalRequired, "rehearsalRequired");
    }

    /** A class the file does not mention: no accounts, built-in permissions. */
    public static OrgEnvironment unconfigured() {
        return new OrgEnvironment(
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** The built-in row for {@code environment} with this class's configured settings in place. */
    public Permissions permissions(Environment environment) {
        Permissions d = Permissions.builtIn(environment);
        return new Permissions(
                approval.orElse(d.approval()),
                directMutation.orElse(d.directMutation()),
                answersFile.orElse(d.answersFile()),
                rehearsalRequired.orElse(d.rehearsalRequired()));
    }

    /** Whether {@code name} matches one of the class's name patterns. */
    public boolean matchesName(String name) {
        return accountNamePatterns.stream().anyMatch(p -> NameGlob.matches(p, name));
    }
}
