package dev.cutover.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is running the cutover, resolved once at pre-flight and written on every approval-class and lock
 * event (FORMATS.md §3.2): {@code $USER}, else the global Git e-mail, else {@code unknown}.
 *
 * @param name the value journaled as {@code operator}
 * @param source where the name came from
 */
public record OperatorIdentity(String name, Source source) {
    /** The name journaled when nothing identifies the operator. */
    public static final String UNKNOWN = "unknown";

    /** Where an operator name came from. */
    public enum Source {
        USER_ENV,
        GIT_GLOBAL_EMAIL,
        UNKNOWN
    }

    public OperatorIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }

    /** Applies the precedence; asks Git only when {@code $USER} is unset or blank. */
    public static OperatorIdentity resolve(Map<String, String> env, GitConfigReader git) {
        String user = env.getOrDefault("USER", "").strip();
        if (!user.isEmpty()) {
            return new OperatorIdentity(user, Source.USER_ENV);
        }
        Optional<String> email = git.globalUserEmail().map(String::strip).filter(s -> !s.isEmpty());
        return email.map(e -> new OperatorIdentity(e, Source.GIT_GLOBAL_EMAIL))
                .orElseGet(() -> new OperatorIdentity(UNKNOWN, Source.UNKNOWN));
    }

    /** True when the banner must warn that approvals will be journaled as {@code unknown}. */
    public boolean needsBannerWarning() {
        return source == Source.UNKNOWN;
    }

    /** The banner warning, present only when the operator could not be identified. */
    public Optional<String> bannerWarning() {
        return needsBannerWarning()
                ? Optional.of("Operator identity unknown: $USER is empty and `git config --global user.email` is"
                        + " unset, so every approval will be journaled as \"unknown\". Set USER to your name to fix.")
                : Optional.empty();
    }
}
