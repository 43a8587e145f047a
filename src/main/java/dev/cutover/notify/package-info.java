/**
 * Notifications of the events that matter in a cutover (maintenance window start, gates, point of no return,
 * failure and rollback, end), rendered as JSON or Slack bodies and POSTed to the webhooks of {@code cutover.yaml}
 * from background threads, with retries and backoff.
 *
 * <p>Must never block the walk or fail the cutover: every delivery problem becomes a delivery outcome, and a
 * webhook's URL (which may carry a token) never appears in an outcome.
 */
package dev.cutover.notify;
