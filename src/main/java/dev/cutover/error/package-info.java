/**
 * The error vocabulary shared by every layer: {@link dev.cutover.error.ErrorCode} fixes exit codes and
 * operator hints, {@link dev.cutover.error.Problem} locates a defect in an input file.
 *
 * <p>This package depends on nothing else in Cutover and must never print or exit.
 */
package dev.cutover.error;
