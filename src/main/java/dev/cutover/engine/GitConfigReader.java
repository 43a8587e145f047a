package dev.cutover.engine;

import java.util.Optional;

/** Reads the operator's global Git e-mail, the second source of operator identity (FORMATS.md §3.2). */
@FunctionalInterface
public interface GitConfigReader {
    /** The value of {@code git config --global user.email}, empty when unset, blank or unavailable. */
    Optional<String> globalUserEmail();
}
