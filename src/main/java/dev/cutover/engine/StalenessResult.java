package dev.cutover.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of pre-flight check 5: a refusal when inputs are too old, plus warnings for the banner.
 *
 * @param refusal why the run is refused (names each stale file and its age), empty when it may proceed
 * @param warnings one operator-readable line per file that is old, in the future, or stale but accepted
 * @param staleFiles files older than the limit, whether or not {@code --accept-stale} accepted them; the
 *     engine notes them on the lock event when accepted
 */
public record StalenessResult(Optional<String> refusal, List<String> warnings, List<String> staleFiles) {
    public StalenessResult {
        Objects.requireNonNull(refusal, "refusal");
        warnings = List.copyOf(warnings);
        staleFiles = List.copyOf(staleFiles);
    }

    /** True when the run must not proceed. */
    public boolean refused() {
        return refusal.isPresent();
    }

    /** True when stale inputs were let through by {@code --accept-stale}. */
    public boolean staleAccepted() {
        return refusal.isEmpty() && !staleFiles.isEmpty();
    }
}
