package dev.cutover.input;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the communication plan ({@code cutover.yaml} {@code stakeholders}): a team, who to reach there
 * and where. The channel is free text (a chat channel, a mailing list, a pager rotation); review flags
 * stakeholders without one because nobody would hear about the maintenance window or a rollback.
 */
public record Stakeholder(String team, String contact, Optional<String> channel) {
    public Stakeholder {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(channel, "channel");
    }
}
