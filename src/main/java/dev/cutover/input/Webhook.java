package dev.cutover.input;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A notification target ({@code cutover.yaml} {@code notifications}): events that matter are POSTed to
 * {@code url} as {@code format}.
 *
 * @param name how the journal and the report name this target; the URL may carry a secret token and is
 *     never journaled
 */
public record Webhook(String name, URI url, Format format) {
    public Webhook {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(format, "format");
    }

    /** The body shape: Cutover's own JSON object, or a Slack-compatible {@code {"text": …}} message. */
    public enum Format {
        JSON,
        SLACK;

        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Format fromConfigName(String name) {
            return Arrays.stream(values())
                    .filter(f -> f.configName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown webhook format " + name));
        }
    }
}
