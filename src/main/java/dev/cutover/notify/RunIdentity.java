package dev.cutover.notify;

import java.util.Objects;

/**
 * Which cutover a notification is about, so a shared channel can tell runs apart.
 *
 * @param runId the checklists' run id
 * @param environment the environment class from {@code cutover.yaml} ({@code production}, {@code staging}, …)
 * @param sourceAccountId the account migrated from
 * @param targetAccountId the account migrated to
 */
public record RunIdentity(String runId, String environment, String sourceAccountId, String targetAccountId) {
    public RunIdentity {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(sourceAccountId, "sourceAccountId");
        Objects.requireNonNull(targetAccountId, "targetAccountId");
    }
}
