/**
 * The rollback-readiness review ({@code cutover review}): an ordered list of independent checks over the compiled
 * plan, its inputs and {@code cutover.yaml}, each reporting PASS, WARN or FAIL findings that name the step or file
 * they concern, plus the rollback-time estimate per phase against the RTO.
 *
 * <p>Pure: reads no files (the caller loads and compiles), writes nothing, runs nothing.
 */
package dev.cutover.review;
