/**
 * SHA-256 as lowercase hex, the one digest every file of a run names (approved commands, plans, journal lines,
 * evidence). A leaf package any other may use; it depends on nothing of Cutover's.
 */
package dev.cutover.digest;
