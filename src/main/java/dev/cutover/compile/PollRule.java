package dev.cutover.compile;

import java.util.List;

/**
 * One FORMATS.md §4.5 polling row.
 *
 * @param describeCall the read command polled when the item has no {@code poll_cmd}
 * @param query the {@code --query} added to polls without one, as shell text
 * @param success the states that mean the job succeeded
 * @param failure the states that mean it failed
 */
record PollRule(String describeCall, String query, List<String> success, List<String> failure) {}
